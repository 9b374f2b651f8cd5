#pragma once
// The config checks' messages (core/config), one pattern each: the catalog the window
// translates them by (message_text.h). Context "ConfigCheck". Std only.

#include "message_text.h"

namespace tb::config_text {

inline constexpr const char* kGreaterThan = QT_TRANSLATE_NOOP("ConfigCheck", "greater than %1");
inline constexpr const char* kAtLeast = QT_TRANSLATE_NOOP("ConfigCheck", "at least %1");
inline constexpr const char* kGreaterThanAtMost =
    QT_TRANSLATE_NOOP("ConfigCheck", "greater than %1 and at most %2");
inline constexpr const char* kBetween = QT_TRANSLATE_NOOP("ConfigCheck", "between %1 and %2");
inline constexpr const char* kFromTo = QT_TRANSLATE_NOOP("ConfigCheck", "%1 to %2");
inline constexpr const char* kMustBeDevice =
    QT_TRANSLATE_NOOP("ConfigCheck", "must be auto, cpu, cuda or cuda:N (N = GPU index), got %1");
inline constexpr const char* kMustNotBeEmpty =
    QT_TRANSLATE_NOOP("ConfigCheck", "must not be empty");
inline constexpr const char* kMustBeIntList =
    QT_TRANSLATE_NOOP("ConfigCheck", "must be a list of integers like %1, got %2");
inline constexpr const char* kMustHaveElements =
    QT_TRANSLATE_NOOP("ConfigCheck", "must have %1 elements, got %2");
inline constexpr const char* kElementOutOfRange =
    QT_TRANSLATE_NOOP("ConfigCheck", "has element %1; each must be %2");
inline constexpr const char* kMustBeInteger =
    QT_TRANSLATE_NOOP("ConfigCheck", "must be an integer, got %1");
inline constexpr const char* kMustBeNumber =
    QT_TRANSLATE_NOOP("ConfigCheck", "must be a number, got %1");
inline constexpr const char* kMustBeBool =
    QT_TRANSLATE_NOOP("ConfigCheck", "must be true or false, got %1");
inline constexpr const char* kMustBeOneOf =
    QT_TRANSLATE_NOOP("ConfigCheck", "must be one of %1; got %2");
inline constexpr const char* kMustBeGot = QT_TRANSLATE_NOOP("ConfigCheck", "must be %1, got %2");
inline constexpr const char* kUnknownType = QT_TRANSLATE_NOOP("ConfigCheck", "has an unknown type");
inline constexpr const char* kAnInteger = QT_TRANSLATE_NOOP("ConfigCheck", "an integer");
inline constexpr const char* kANumber = QT_TRANSLATE_NOOP("ConfigCheck", "a number");
inline constexpr const char* kTrueOrFalse = QT_TRANSLATE_NOOP("ConfigCheck", "true or false");
inline constexpr const char* kText = QT_TRANSLATE_NOOP("ConfigCheck", "text");
inline constexpr const char* kAPath = QT_TRANSLATE_NOOP("ConfigCheck", "a path");
inline constexpr const char* kAnIntList =
    QT_TRANSLATE_NOOP("ConfigCheck", "a list of integers like %1");
inline constexpr const char* kOneOf = QT_TRANSLATE_NOOP("ConfigCheck", "one of %1");
inline constexpr const char* kAValue = QT_TRANSLATE_NOOP("ConfigCheck", "a value");
inline constexpr const char* kAMapping = QT_TRANSLATE_NOOP("ConfigCheck", "a mapping");
inline constexpr const char* kAList = QT_TRANSLATE_NOOP("ConfigCheck", "a list");
inline constexpr const char* kASingleValue = QT_TRANSLATE_NOOP("ConfigCheck", "a single value");
inline constexpr const char* kElementIs =
    QT_TRANSLATE_NOOP("ConfigCheck", "must be %1; element %2 is %3");
inline constexpr const char* kNoValueExpected =
    QT_TRANSLATE_NOOP("ConfigCheck", "has no value; expected %1");
inline constexpr const char* kConfigNotMapping = QT_TRANSLATE_NOOP(
    "ConfigCheck", "a config must be a mapping of keys such as 'name: demo', got %1");
inline constexpr const char* kKeysMustBePlain =
    QT_TRANSLATE_NOOP("ConfigCheck", "keys must be plain names, got %1");
inline constexpr const char* kDuplicateKey =
    QT_TRANSLATE_NOOP("ConfigCheck", "duplicate key '%1' (first given on line %2)");
inline constexpr const char* kVersionMustBe1Reads = QT_TRANSLATE_NOOP(
    "ConfigCheck", "version must be 1, the only config schema version this Trainbench reads");
inline constexpr const char* kVersionMustBe1 =
    QT_TRANSLATE_NOOP("ConfigCheck", "version must be 1, the only config schema version");
inline constexpr const char* kSectionNotValue = QT_TRANSLATE_NOOP(
    "ConfigCheck", "'%1' is a section, not a value; write its keys indented below it, e.g. '%2'");
inline constexpr const char* kSetSection =
    QT_TRANSLATE_NOOP("ConfigCheck", "'%1' is a section; set one of its keys, such as %1.kind=...");
inline constexpr const char* kUnknownKey = QT_TRANSLATE_NOOP("ConfigCheck", "unknown key '%1'");
inline constexpr const char* kUnknownKeyDidYouMean =
    QT_TRANSLATE_NOOP("ConfigCheck", "unknown key '%1'; did you mean '%2'?");
inline constexpr const char* kCutKey = QT_TRANSLATE_NOOP("ConfigCheck", "%1… (%2 characters)");
inline constexpr const char* kOneMoreUnknownKey =
    QT_TRANSLATE_NOOP("ConfigCheck", "and %1 more unknown key (not listed)");
inline constexpr const char* kMoreUnknownKeys =
    QT_TRANSLATE_NOOP("ConfigCheck", "and %1 more unknown keys (not listed)");
inline constexpr const char* kHintMnist =
    QT_TRANSLATE_NOOP("ConfigCheck", "point it at the folder holding the MNIST files");
inline constexpr const char* kHintCifar =
    QT_TRANSLATE_NOOP("ConfigCheck", "point it at the folder holding the CIFAR-10 binary files");
inline constexpr const char* kHintCsv =
    QT_TRANSLATE_NOOP("ConfigCheck", "point it at the CSV file");
inline constexpr const char* kDataPathRequired =
    QT_TRANSLATE_NOOP("ConfigCheck", "data.path is required when data.kind is %1; %2");
inline constexpr const char* kDataPathMissing =
    QT_TRANSLATE_NOOP("ConfigCheck", "data.path '%1' does not exist; %2");
inline constexpr const char* kDataPathIsFolder =
    QT_TRANSLATE_NOOP("ConfigCheck", "data.path '%1' is a folder; %2");
inline constexpr const char* kDataPathNotFolder =
    QT_TRANSLATE_NOOP("ConfigCheck", "data.path '%1' is not a folder; %2");
inline constexpr const char* kResnetDepth = QT_TRANSLATE_NOOP(
    "ConfigCheck", "model.depth must be 6n+2 for a ResNet (such as 20, 32, 44, 56 or 110), got %1");
inline constexpr const char* kYamlSyntax =
    QT_TRANSLATE_NOOP("ConfigCheck", "YAML syntax error: %1");
inline constexpr const char* kCannotReadConfig = QT_TRANSLATE_NOOP(
    "ConfigCheck", "cannot read the config file; check that it exists and is readable");
inline constexpr const char* kConfigTooLarge =
    QT_TRANSLATE_NOOP("ConfigCheck",
                      "%1: the config is %2 KiB, far past any training config (at most 1024 KiB "
                      "are read); check that this is the config file and not data");
inline constexpr const char* kExpectedAssignment =
    QT_TRANSLATE_NOOP("ConfigCheck", "expected key=value such as optim.lr=0.01, got '%1'");
inline constexpr const char* kNotAssignment =
    QT_TRANSLATE_NOOP("ConfigCheck", "'%1' is not key.path=value");
inline constexpr const char* kCannotAddKey =
    QT_TRANSLATE_NOOP("ConfigCheck", "cannot add '%1': its section holds a value, not keys");
inline constexpr const char* kOneLineValue =
    QT_TRANSLATE_NOOP("ConfigCheck", "the new value for '%1' must fit on one line");
inline constexpr const char* kCannotEditBroken = QT_TRANSLATE_NOOP(
    "ConfigCheck", "cannot edit: the YAML does not parse (line %1, column %2: %3)");
inline constexpr const char* kNotKeyPath =
    QT_TRANSLATE_NOOP("ConfigCheck", "'%1' is not a key path");
inline constexpr const char* kNotWritten = QT_TRANSLATE_NOOP("ConfigCheck", "'%1' was not written");
inline constexpr const char* kQuoteIt =
    QT_TRANSLATE_NOOP("ConfigCheck", "cannot write '%1' for '%2' here; quote it");
inline constexpr const char* kWouldBreakYaml = QT_TRANSLATE_NOOP(
    "ConfigCheck", "setting '%1' to '%2' would break the YAML (%3); quote the value");
inline constexpr const char* kKeyProblem = QT_TRANSLATE_NOOP("ConfigCheck", "%1 %2");
inline constexpr const char* kKeyColonProblem = QT_TRANSLATE_NOOP("ConfigCheck", "%1: %2");

// Every pattern above, and which of its arguments are messages made from these patterns too
// (the window translates those, and leaves values such as keys and paths as they are).
inline constexpr MessagePattern kAll[] = {
    {kGreaterThan, ""},
    {kAtLeast, ""},
    {kGreaterThanAtMost, ""},
    {kBetween, ""},
    {kFromTo, ""},
    {kMustBeDevice, ""},
    {kMustNotBeEmpty, ""},
    {kMustBeIntList, ""},
    {kMustHaveElements, "1"},
    {kElementOutOfRange, "2"},
    {kMustBeInteger, ""},
    {kMustBeNumber, ""},
    {kMustBeBool, ""},
    {kMustBeOneOf, ""},
    {kMustBeGot, "1"},
    {kUnknownType, ""},
    {kAnInteger, ""},
    {kANumber, ""},
    {kTrueOrFalse, ""},
    {kText, ""},
    {kAPath, ""},
    {kAnIntList, ""},
    {kOneOf, ""},
    {kAValue, ""},
    {kAMapping, ""},
    {kAList, ""},
    {kASingleValue, ""},
    {kElementIs, "13"},
    {kNoValueExpected, "1"},
    {kConfigNotMapping, "1"},
    {kKeysMustBePlain, "1"},
    {kDuplicateKey, ""},
    {kVersionMustBe1Reads, ""},
    {kVersionMustBe1, ""},
    {kSectionNotValue, ""},
    {kSetSection, ""},
    {kUnknownKey, "1"},
    {kUnknownKeyDidYouMean, "1"},
    {kCutKey, ""},
    {kOneMoreUnknownKey, ""},
    {kMoreUnknownKeys, ""},
    {kHintMnist, ""},
    {kHintCifar, ""},
    {kHintCsv, ""},
    {kDataPathRequired, "2"},
    {kDataPathMissing, "2"},
    {kDataPathIsFolder, "2"},
    {kDataPathNotFolder, "2"},
    {kResnetDepth, ""},
    {kYamlSyntax, ""},
    {kCannotReadConfig, ""},
    {kConfigTooLarge, ""},
    {kExpectedAssignment, ""},
    {kNotAssignment, ""},
    {kCannotAddKey, ""},
    {kOneLineValue, ""},
    {kCannotEditBroken, ""},
    {kNotKeyPath, ""},
    {kNotWritten, ""},
    {kQuoteIt, ""},
    {kWouldBreakYaml, ""},
    {kKeyProblem, "2"},
    {kKeyColonProblem, "2"},
};

}  // namespace tb::config_text
