#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace trellis::db {

// What a trust's pages share and seldom changes (its training days with their slots, rooms and
// priorities, its programmes and their activities, its priorities, its surveys, its standing groups,
// which sessions have recordings, how many materials each activity and offer has, and the library's
// newest items), kept by this server per trust with the trust's shared version it was read at.
//
// trusts.shared_version is raised by database triggers on every change to those tables (migrations
// 0034 to 0039, and 0041), on any path and from any server. Each request reads it with its session
// (accounts::Actor::shared_version), before anything else. A value kept at that version or later is
// then at least as new as the database was when the request began, so it serves the request; one
// kept at an older version is read again. A value is kept under the version its reader's session
// saw, which was read before the value: so a value is never labelled newer than it is.
//
// A request that changes the trust's shared data and then reads it again calls forget(): its
// session's version is older than its own change.
// Kept under the trust's id, or under a key that starts with it (a pair of the trust and one more
// id, for a value a trust has several of).
template <typename Value, typename Key = long long> class PerTrust {
  public:
    // The trust's value as of `version` or later: the kept one when it is that new, else `read()`,
    // kept for the requests after. A negative version is unknown (an actor made without a session):
    // the value is read and not kept.
    template <typename Read> std::shared_ptr<const Value> at(const Key& key, long long version, Read&& read) {
        if (version >= 0) {
            std::lock_guard lock(m_mutex);
            if (auto found = m_kept.find(key); found != m_kept.end() && found->second.version >= version)
                return found->second.value;
        }
        auto value = std::make_shared<const Value>(std::forward<Read>(read)());
        if (version >= 0) {
            std::lock_guard lock(m_mutex);
            Kept& kept = m_kept[key];
            if (!kept.value || kept.version < version)
                kept = Kept{version, value};
        }
        return value;
    }

    // Drops what is kept for the trust, after this server changed it.
    void forget(long long trust_id) {
        std::lock_guard lock(m_mutex);
        std::erase_if(m_kept, [&](const auto& kept) { return trust_of(kept.first) == trust_id; });
    }

  private:
    static long long trust_of(long long key) { return key; }
    static long long trust_of(const std::pair<long long, long long>& key) { return key.first; }

    struct Kept {
        long long version = -1;
        std::shared_ptr<const Value> value;
    };
    std::mutex m_mutex;
    std::map<Key, Kept> m_kept;
};

} // namespace trellis::db
