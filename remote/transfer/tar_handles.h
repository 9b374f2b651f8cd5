#pragma once
// Owning handles for libarchive objects, so that every early return frees what it opened.

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace tb::tar {

struct ReadDeleter {
    void operator()(archive* a) const { archive_read_free(a); }
};
struct WriteDeleter {
    void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryDeleter {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

using ReadPtr = std::unique_ptr<archive, ReadDeleter>;
// archive_write_new's and archive_write_disk_new's: both are freed by archive_write_free.
using WritePtr = std::unique_ptr<archive, WriteDeleter>;
using EntryPtr = std::unique_ptr<archive_entry, EntryDeleter>;

}  // namespace tb::tar
