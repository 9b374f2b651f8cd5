// checkValue: validates one value's text against its schema key and makes it canonical.
#include <cmath>
#include <string>

#include "config_text.h"
#include "message_text.h"
#include "schema.h"
#include "value_text.h"

namespace tb {
namespace {

std::string quoted(std::string_view text) {
    return "'" + std::string(text) + "'";
}

std::string numberText(double value, bool integral) {
    return integral ? std::to_string(static_cast<int64_t>(value)) : formatFloat(value);
}

bool hasRange(const KeyDef& def) {
    return def.min <= def.max;
}

bool inRange(const KeyDef& def, double value) {
    if (!hasRange(def)) return true;
    const bool aboveMin = def.minExclusive ? value > def.min : value >= def.min;
    return aboveMin && value <= def.max;
}

std::string rangeText(const KeyDef& def, bool integral) {
    const std::string min = numberText(def.min, integral);
    if (std::isinf(def.max))
        return fillText(def.minExclusive ? config_text::kGreaterThan : config_text::kAtLeast,
                        {min});
    const std::string max = numberText(def.max, integral);
    if (def.minExclusive) return fillText(config_text::kGreaterThanAtMost, {min, max});
    return fillText(config_text::kBetween, {min, max});
}

// "cuda:N" names one GPU; anything else is a typo the trainer would only reject at start.
bool isDeviceName(std::string_view text) {
    if (text == "auto" || text == "cpu" || text == "cuda") return true;
    if (text.substr(0, 5) != "cuda:" || text.size() == 5) return false;
    const std::string_view index = text.substr(5);
    return index.size() <= 4 && index.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string checkText(const KeyDef& def, std::string_view text, std::string& canonical) {
    if (def.path == "train.device" && !isDeviceName(text)) {
        return fillText(config_text::kMustBeDevice, {quoted(text)});
    }
    if ((def.path == "name" || def.path == "data.label_column") && trimmed(text).empty()) {
        return config_text::kMustNotBeEmpty;
    }
    canonical = std::string(text);
    return {};
}

std::string checkList(const KeyDef& def, std::string_view text, std::string& canonical) {
    const auto list = parseIntList(text);
    if (!list) return fillText(config_text::kMustBeIntList, {def.defaultValue, quoted(text)});
    if (list->size() < def.minItems || (def.maxItems > 0 && list->size() > def.maxItems)) {
        const std::string count =
            def.maxItems == 0 ? fillText(config_text::kAtLeast, {std::to_string(def.minItems)})
                              : fillText(config_text::kFromTo, {std::to_string(def.minItems),
                                                                std::to_string(def.maxItems)});
        return fillText(config_text::kMustHaveElements, {count, std::to_string(list->size())});
    }
    for (int64_t element : *list) {
        if (!inRange(def, static_cast<double>(element))) {
            return fillText(config_text::kElementOutOfRange,
                            {std::to_string(element), rangeText(def, true)});
        }
    }
    canonical = formatIntList(*list);
    return {};
}

}  // namespace

std::string checkValue(const KeyDef& def, std::string_view text, std::string& canonical) {
    switch (def.type) {
        case KeyType::Int: {
            const auto value = parseInt(text);
            if (!value) return fillText(config_text::kMustBeInteger, {quoted(text)});
            if (!inRange(def, static_cast<double>(*value))) {
                return fillText(config_text::kMustBeGot,
                                {rangeText(def, true), std::to_string(*value)});
            }
            canonical = std::to_string(*value);
            return {};
        }
        case KeyType::Float: {
            const auto value = parseFloat(text);
            if (!value) return fillText(config_text::kMustBeNumber, {quoted(text)});
            if (!inRange(def, *value))
                return fillText(config_text::kMustBeGot,
                                {rangeText(def, false), formatFloat(*value)});
            canonical = formatFloat(*value);
            return {};
        }
        case KeyType::Bool: {
            const auto value = parseBool(text);
            if (!value) return fillText(config_text::kMustBeBool, {quoted(text)});
            canonical = *value ? "true" : "false";
            return {};
        }
        case KeyType::Choice: {
            for (const std::string& choice : def.choices) {
                if (text == choice) {
                    canonical = choice;
                    return {};
                }
            }
            std::string list;
            for (const std::string& choice : def.choices)
                list += (list.empty() ? "" : ", ") + choice;
            return fillText(config_text::kMustBeOneOf, {list, quoted(text)});
        }
        case KeyType::IntList:
            return checkList(def, text, canonical);
        case KeyType::String:
        case KeyType::Path:
            return checkText(def, text, canonical);
    }
    return config_text::kUnknownType;
}

}  // namespace tb
