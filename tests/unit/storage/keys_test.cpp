// Stored files' keys: ours alone (the trust, then a name we made), and nothing else gets through to
// a folder path or a bucket URL.
#include <gtest/gtest.h>

#include "storage/keys.h"
#include "storage/s3_store.h"

using namespace trellis::storage;

TEST(StorageKeys, a_new_files_key_is_its_shelf_its_trust_and_our_name) {
    EXPECT_EQ(key_of(kMaterials, stored_name(12, "Xy3_-a")), "materials/12/Xy3_-a");
    EXPECT_EQ(key_of(kRecordings, stored_name(7, "Ab9", ".webm")), "recordings/7/Ab9.webm");
    EXPECT_THROW(stored_name(0, "Ab9"), std::invalid_argument);
}

TEST(StorageKeys, files_kept_before_keys_named_the_trust_keep_their_old_place) {
    EXPECT_EQ(key_of(kMaterials, "M9Rq1n6SXtVUM0yBu3Vt0ZKjQbCnU4k9h1c-s8V1h_w"),
              "materials/M9Rq1n6SXtVUM0yBu3Vt0ZKjQbCnU4k9h1c-s8V1h_w");
    EXPECT_EQ(key_of(kRecordings, "demo-launch.webm"), "recordings/demo-launch.webm");
}

TEST(StorageKeys, rejects_keys_that_could_leave_their_folder_or_bucket) {
    for (const char* unsafe :
         {"", "/materials/1", "materials//1", "materials/../keys/badge", "materials/..", "materials/.partial",
          "materials/1/a b", "materials/1/a?b", "materials/1/a\\b", "materials/1/\xc3\xa9", "materials/1/"})
        EXPECT_FALSE(is_safe_key(unsafe)) << unsafe;
    EXPECT_THROW(key_of(kMaterials, "../../etc/passwd"), std::invalid_argument);
    EXPECT_TRUE(is_safe_key("materials/12/a.b-c_D9"));
}

TEST(StorageKeys, reads_the_keys_and_next_page_of_a_bucket_listing) {
    const std::string page = "<?xml version=\"1.0\"?><ListBucketResult><Name>trellis</Name>"
                             "<IsTruncated>true</IsTruncated><Contents><Key>materials/1/a</Key><Size>3</Size>"
                             "</Contents><Contents><Key>materials/1/b&amp;c</Key></Contents>"
                             "<NextContinuationToken>1ue/Q+x==</NextContinuationToken></ListBucketResult>";
    EXPECT_EQ(keys_in_listing(page), (std::vector<std::string>{"materials/1/a", "materials/1/b&c"}));
    EXPECT_EQ(next_page_of_listing(page), "1ue/Q+x==");
    EXPECT_EQ(next_page_of_listing("<IsTruncated>false</IsTruncated><NextContinuationToken>x"
                                   "</NextContinuationToken>"),
              "");
}
