// Sealed secrets: what one kept key seals it opens again, after a restart too; another key, or a
// changed byte, opens nothing.
#include <gtest/gtest.h>

#include "../key_folder.h"
#include "accounts/kept_keys.h"

namespace trellis::accounts {

using testing::KeyFolder;

TEST(SecretBox, SealsSoThatOnlyTheKeptKeyOpens) {
    KeyFolder folder("sealed"), other_folder("sealed-other");
    const auto box = SecretBox::kept_in(folder.path);
    const std::string sealed = box.seal("client secret value");
    EXPECT_EQ(sealed.find("client secret value"), std::string::npos);
    EXPECT_NE(box.seal("client secret value"), sealed); // a new nonce each time
    EXPECT_EQ(box.open(sealed), "client secret value");
    // The same folder after a restart keeps the same key.
    EXPECT_EQ(SecretBox::kept_in(folder.path).open(sealed), "client secret value");
    EXPECT_THROW(SecretBox::kept_in(other_folder.path).open(sealed), std::runtime_error);
    std::string changed = sealed;
    changed[changed.size() - 3] = changed[changed.size() - 3] == 'A' ? 'B' : 'A';
    EXPECT_THROW(box.open(changed), std::runtime_error);
    EXPECT_THROW(box.open("plain text"), std::runtime_error);
    EXPECT_EQ(box.open(box.seal("")), "");
}

} // namespace trellis::accounts
