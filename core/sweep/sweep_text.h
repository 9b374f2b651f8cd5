#pragma once
// The sweep spec checks' messages (core/sweep), one pattern each: the catalog the window
// translates them by (core/config/message_text.h). Context "SweepSpec". Std only.
//
// Words of the spec format (grid, random, list, min, max, uniform, ...) and YAML keys stay as
// they are in every language: the user types them.

#include "core/config/message_text.h"

namespace tb::sweep_text {

// Phrases that complete other messages ("got %1", "must be %2").
inline constexpr const char* kNothing = QT_TRANSLATE_NOOP("SweepSpec", "nothing");
inline constexpr const char* kAnEmptyMapping = QT_TRANSLATE_NOOP("SweepSpec", "an empty mapping");
inline constexpr const char* kAnEmptyList = QT_TRANSLATE_NOOP("SweepSpec", "an empty list");
inline constexpr const char* kAMetricName =
    QT_TRANSLATE_NOOP("SweepSpec", "a metric name such as val/loss");
inline constexpr const char* kAnIntegerFrom1To =
    QT_TRANSLATE_NOOP("SweepSpec", "an integer from 1 to %1");
inline constexpr const char* kAnIntegerOf0OrMore =
    QT_TRANSLATE_NOOP("SweepSpec", "an integer of 0 or more");

// The file and its top level (sweep_parse.cpp).
inline constexpr const char* kFileEmpty = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "the sweep file is empty; start with 'method: grid', a metric, a goal and the parameters to "
    "vary (see docs/SWEEPS.md)");
inline constexpr const char* kSweepNotMapping = QT_TRANSLATE_NOOP(
    "SweepSpec", "a sweep must be a mapping of keys such as 'method: grid', got %1");
inline constexpr const char* kTopKeyIsParameter = QT_TRANSLATE_NOOP(
    "SweepSpec", "'%1' is a parameter; put it under 'parameters:' (or in a trial)");
inline constexpr const char* kUnknownTopKey =
    QT_TRANSLATE_NOOP("SweepSpec", "unknown key '%1'; a sweep has %2");
inline constexpr const char* kKeyMustBeGot =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 must be %2, got %3");
inline constexpr const char* kMissingMethod =
    QT_TRANSLATE_NOOP("SweepSpec", "missing 'method': write method: grid, random or list");
inline constexpr const char* kUnknownMethod = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "unknown method '%1'; use grid (every combination), random (count draws) or list (the "
    "trials as written)");
inline constexpr const char* kMissingMetric = QT_TRANSLATE_NOOP(
    "SweepSpec", "missing 'metric': name the metric that ranks the trials, e.g. metric: val/loss");
inline constexpr const char* kMetricOneKey = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "metric must be one metrics.jsonl key such as val/loss: no spaces, at most 200 characters");
inline constexpr const char* kMetricIsPosition = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "'%1' is a record's position in metrics.jsonl, not a metric; name one such as val/loss");
inline constexpr const char* kMissingGoal = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "missing 'goal': write goal: min (lower is better, e.g. a loss) or goal: max (e.g. an "
    "accuracy)");
inline constexpr const char* kGoalMinOrMax =
    QT_TRANSLATE_NOOP("SweepSpec", "goal must be min or max, got '%1'");
inline constexpr const char* kOnlyForRandomGrid = QT_TRANSLATE_NOOP(
    "SweepSpec", "%1 is only for method random; a grid runs every combination once");
inline constexpr const char* kOnlyForRandomList = QT_TRANSLATE_NOOP(
    "SweepSpec", "%1 is only for method random; method list runs the trials as listed");
inline constexpr const char* kMissingCount = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "missing 'count': method random needs the number of trials to draw, e.g. count: 20");
inline constexpr const char* kCountRange =
    QT_TRANSLATE_NOOP("SweepSpec", "count must be an integer from 1 to %1, got '%2'");
inline constexpr const char* kSeedRange =
    QT_TRANSLATE_NOOP("SweepSpec", "seed must be an integer of 0 or more, got '%1'");
inline constexpr const char* kParametersNotForList = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "parameters are for grid and random; with method list give each trial's values under "
    "trials:");
inline constexpr const char* kMissingTrials = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "missing 'trials': method list runs the trials listed, e.g. trials: [{optim.lr: 0.1}, "
    "{optim.lr: 0.01}]");
inline constexpr const char* kTrialsOnlyForList = QT_TRANSLATE_NOOP(
    "SweepSpec", "trials are for method list; method %1 makes its trials from parameters");
inline constexpr const char* kMissingParameters = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "missing 'parameters': name the keys to vary, e.g. parameters: {optim.lr: [0.1, 0.01]}");
inline constexpr const char* kGridTooLarge = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "the grid has %1 trials (%2), past the limit of %3; list fewer values or use method: random "
    "with a count");
inline constexpr const char* kGridFarTooLarge = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "the grid has over 2 billion trials (%1), past the limit of %2; list fewer values or use "
    "method: random with a count");
inline constexpr const char* kFileTooLarge = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "the sweep file is %1 KiB, far past any sweep (at most %2 KiB are read); check that this is "
    "the sweep file");
inline constexpr const char* kCannotReadFile = QT_TRANSLATE_NOOP(
    "SweepSpec", "cannot read the sweep file; check that it exists and is readable");
inline constexpr const char* kMoreProblems =
    QT_TRANSLATE_NOOP("SweepSpec", "and %1 more problems (not listed); fix the ones above first");

// Keys of parameters and listed trials, and placeholder values (sweep_keys.cpp).
inline constexpr const char* kNotPlaceholder = QT_TRANSLATE_NOOP(
    "SweepSpec", "'%1' is not a placeholder; write a name in braces, quoted: \"{lr}\"");
inline constexpr const char* kPlaceholderName = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "placeholder '%1' must be letters, digits, '_' and '.', starting with a letter or '_', as "
    "in a command's {lr}");
inline constexpr const char* kPlaceholderIsConfigKey = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "'%1' is the config key %2; write it without braces (a script's %1 reads the config value)");
inline constexpr const char* kKeyIsSection = QT_TRANSLATE_NOOP(
    "SweepSpec", "'%1' is a config section, not a key; vary one of its keys, such as %2");
inline constexpr const char* kUnknownParameterKey = QT_TRANSLATE_NOOP(
    "SweepSpec", "%1 (a script's own placeholder is written in quoted braces: \"{name}\")");
inline constexpr const char* kKeysMustBeKeys = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "keys must be config keys or placeholders, got %1; a placeholder needs quotes: \"{lr}\": "
    "[0.1, 0.01]");
inline constexpr const char* kPlaceholderNoValue =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 has no value; give its text");
inline constexpr const char* kPlaceholderTakesText =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 takes text values, got %2");
inline constexpr const char* kPlaceholderTooLong =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 has a value of %2 characters; at most %3 are allowed");
inline constexpr const char* kPlaceholderOneLine =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 values must be one line of text");

// Parameters: value lists and distributions (sweep_parameters.cpp).
inline constexpr const char* kNoValues =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 has no values; list them, e.g. [%2]");
inline constexpr const char* kOneDistribution = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "%1 takes one distribution: uniform, log_uniform, int or choice, e.g. {uniform: [0.8, "
    "0.99]}");
inline constexpr const char* kChoiceTakesList =
    QT_TRANSLATE_NOOP("SweepSpec", "choice takes a list of values");
inline constexpr const char* kUnknownDistribution = QT_TRANSLATE_NOOP(
    "SweepSpec", "unknown distribution '%1'; use uniform, log_uniform, int or choice");
inline constexpr const char* kRandomInGrid = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "%1 is a random distribution; a grid lists its values, e.g. %2: [%3] (or use method: "
    "random)");
inline constexpr const char* kEmptyList =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 has an empty list; give at least one value");
inline constexpr const char* kTooManyValues =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 lists %2 values; at most %3");
inline constexpr const char* kListsTwice = QT_TRANSLATE_NOOP("SweepSpec", "%1 lists %2 twice");
inline constexpr const char* kListValueIsList =
    QT_TRANSLATE_NOOP("SweepSpec", "%1; each value of a list key is a list itself, e.g. %2: [%3]");
inline constexpr const char* kIntNeedsIntKeyUseUniform = QT_TRANSLATE_NOOP(
    "SweepSpec", "int takes an integer key; %1 is not one; use uniform: [low, high]");
inline constexpr const char* kIntNeedsIntKeyList = QT_TRANSLATE_NOOP(
    "SweepSpec", "int takes an integer key; %1 is not one; list its values instead");
inline constexpr const char* kRangeNeedsNumberKeyUseInt =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 takes a number key; %2 is not one; use int: [low, high]");
inline constexpr const char* kRangeNeedsNumberKeyList =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 takes a number key; %2 is not one; list its values instead");
inline constexpr const char* kTwoBounds =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 takes two bounds, [low, high], e.g. %1: %2");
inline constexpr const char* kBoundsMustBeIntegers =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 bounds must be integers, got '%2'");
inline constexpr const char* kBoundsMustBeNumbers =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 bounds must be numbers, got '%2'");
inline constexpr const char* kLogUniformPositive = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "log_uniform bounds must be greater than 0, got %1; use uniform for a range from 0");
inline constexpr const char* kRangeReversed =
    QT_TRANSLATE_NOOP("SweepSpec", "%1 range is reversed; write the lower bound first");
inline constexpr const char* kRangeSingle = QT_TRANSLATE_NOOP(
    "SweepSpec", "%1 range holds a single value; list it instead, e.g. %2: [value]");
inline constexpr const char* kParametersNotMapping = QT_TRANSLATE_NOOP(
    "SweepSpec", "parameters must map config keys to values, e.g. 'optim.lr: [0.1, 0.01]'; got %1");
inline constexpr const char* kTooManyParameters =
    QT_TRANSLATE_NOOP("SweepSpec", "parameters has %1 keys; at most %2");
inline constexpr const char* kDuplicateParameter =
    QT_TRANSLATE_NOOP("SweepSpec", "duplicate parameter '%1' (first given on line %2)");

// Listed trials and early_stop (sweep_trials.cpp).
inline constexpr const char* kTrialsNotList = QT_TRANSLATE_NOOP(
    "SweepSpec", "trials must be a list of trials, e.g. '- {optim.lr: 0.1}'; got %1");
inline constexpr const char* kTooManyTrials =
    QT_TRANSLATE_NOOP("SweepSpec", "trials lists %1 trials; at most %2");
inline constexpr const char* kTrialEmpty = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "trial %1 must be a mapping of keys to values, e.g. {optim.lr: 0.1}, got nothing; write {} "
    "for the config as it is");
inline constexpr const char* kTrialNotMapping = QT_TRANSLATE_NOOP(
    "SweepSpec", "trial %1 must be a mapping of keys to values, e.g. {optim.lr: 0.1}, got %2");
inline constexpr const char* kTrialTooManyKeys =
    QT_TRANSLATE_NOOP("SweepSpec", "trial %1 sets %2 keys; at most %3");
inline constexpr const char* kTrialSetsTwice =
    QT_TRANSLATE_NOOP("SweepSpec", "trial %1 sets '%2' twice");
inline constexpr const char* kTrialRepeats = QT_TRANSLATE_NOOP(
    "SweepSpec", "trial %1 repeats trial %2; change a value (such as seed) to run it again");
inline constexpr const char* kEarlyStopNotMapping = QT_TRANSLATE_NOOP(
    "SweepSpec", "early_stop must be a mapping such as {rule: median, min_epochs: 2}, got %1");
inline constexpr const char* kEarlyStopRule = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "early_stop rule must be median (stop a trial worse than the median of the others at the "
    "same epoch), got '%1'");
inline constexpr const char* kEarlyStopMinEpochs = QT_TRANSLATE_NOOP(
    "SweepSpec", "early_stop min_epochs must be an integer from 1 to 100000, got '%1'");
inline constexpr const char* kUnknownEarlyStopKey =
    QT_TRANSLATE_NOOP("SweepSpec", "unknown early_stop key '%1'; it takes rule and min_epochs");

// The sweep against the run it starts with (sweep_run_check.cpp).
inline constexpr const char* kNoSuchMetric =
    QT_TRANSLATE_NOOP("SweepSpec", "the built-in trainer writes no metric '%1'; it writes %2");
inline constexpr const char* kPlaceholderWithTrainer = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "%1 is a script placeholder, but this sweep runs the built-in trainer; vary a config key "
    "such as optim.lr, or run a script whose command uses %1");
inline constexpr const char* kCommandLacksPlaceholder = QT_TRANSLATE_NOOP(
    "SweepSpec",
    "the command has no %1, so every trial would run the same command; use it in the command "
    "(e.g. --%2 %1) or remove it from the sweep");

// Every pattern above, and which of its arguments are messages made from a catalog too (the
// window translates those, and leaves values such as keys, numbers and quoted text as they are).
inline constexpr MessagePattern kAll[] = {
    {kNothing, ""},
    {kAnEmptyMapping, ""},
    {kAnEmptyList, ""},
    {kAMetricName, ""},
    {kAnIntegerFrom1To, ""},
    {kAnIntegerOf0OrMore, ""},
    {kFileEmpty, ""},
    {kSweepNotMapping, "1"},
    {kTopKeyIsParameter, ""},
    {kUnknownTopKey, ""},
    {kKeyMustBeGot, "23"},
    {kMissingMethod, ""},
    {kUnknownMethod, ""},
    {kMissingMetric, ""},
    {kMetricOneKey, ""},
    {kMetricIsPosition, ""},
    {kMissingGoal, ""},
    {kGoalMinOrMax, ""},
    {kOnlyForRandomGrid, ""},
    {kOnlyForRandomList, ""},
    {kMissingCount, ""},
    {kCountRange, ""},
    {kSeedRange, ""},
    {kParametersNotForList, ""},
    {kMissingTrials, ""},
    {kTrialsOnlyForList, ""},
    {kMissingParameters, ""},
    {kGridTooLarge, ""},
    {kGridFarTooLarge, ""},
    {kFileTooLarge, ""},
    {kCannotReadFile, ""},
    {kMoreProblems, ""},
    {kNotPlaceholder, ""},
    {kPlaceholderName, ""},
    {kPlaceholderIsConfigKey, ""},
    {kKeyIsSection, ""},
    {kUnknownParameterKey, "1"},
    {kKeysMustBeKeys, "1"},
    {kPlaceholderNoValue, ""},
    {kPlaceholderTakesText, "2"},
    {kPlaceholderTooLong, ""},
    {kPlaceholderOneLine, ""},
    {kNoValues, ""},
    {kOneDistribution, ""},
    {kChoiceTakesList, ""},
    {kUnknownDistribution, ""},
    {kRandomInGrid, ""},
    {kEmptyList, ""},
    {kTooManyValues, ""},
    {kListsTwice, ""},
    {kListValueIsList, "1"},
    {kIntNeedsIntKeyUseUniform, ""},
    {kIntNeedsIntKeyList, ""},
    {kRangeNeedsNumberKeyUseInt, ""},
    {kRangeNeedsNumberKeyList, ""},
    {kTwoBounds, ""},
    {kBoundsMustBeIntegers, ""},
    {kBoundsMustBeNumbers, ""},
    {kLogUniformPositive, ""},
    {kRangeReversed, ""},
    {kRangeSingle, ""},
    {kParametersNotMapping, "1"},
    {kTooManyParameters, ""},
    {kDuplicateParameter, ""},
    {kTrialsNotList, "1"},
    {kTooManyTrials, ""},
    {kTrialEmpty, ""},
    {kTrialNotMapping, "2"},
    {kTrialTooManyKeys, ""},
    {kTrialSetsTwice, ""},
    {kTrialRepeats, ""},
    {kEarlyStopNotMapping, "1"},
    {kEarlyStopRule, ""},
    {kEarlyStopMinEpochs, ""},
    {kUnknownEarlyStopKey, ""},
    {kNoSuchMetric, ""},
    {kPlaceholderWithTrainer, ""},
    {kCommandLacksPlaceholder, ""},
};

}  // namespace tb::sweep_text
