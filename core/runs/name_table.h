#pragma once
// An enum's names as one constexpr table, read both ways, so each name is written once.

#include <QString>
#include <QStringView>

#include <cstddef>
#include <optional>

namespace tb {

template <typename Enum>
struct EnumName {
    Enum value;
    const char* name;  // Latin-1: names are written to files and read back from them
};

// The name of `value`; `fallback` for a value the table leaves out on purpose (an "unknown"
// state, or one that is never read back).
template <typename Enum, std::size_t N>
QString nameOf(Enum value, const EnumName<Enum> (&table)[N], const char* fallback = "") {
    for (const EnumName<Enum>& entry : table)
        if (entry.value == value) return QString::fromLatin1(entry.name);
    return QString::fromLatin1(fallback);
}

// The value named exactly `name`; nothing for a name the table does not hold, so callers
// choose between a default and an error.
template <typename Enum, std::size_t N>
std::optional<Enum> valueNamed(QStringView name, const EnumName<Enum> (&table)[N]) {
    for (const EnumName<Enum>& entry : table)
        if (name == QLatin1String(entry.name)) return entry.value;
    return std::nullopt;
}

}  // namespace tb
