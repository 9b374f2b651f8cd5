#pragma once
// What each trainbench command accepts, declared once: the parser, every --help, the overview of
// `trainbench --help` and the README check (tests/app) all read these.

#include <QList>
#include <QString>

#include "cli_options.h"

namespace tb::cli {

// Every command, a hosts action ("hosts add") as a command of its own.
const QList<CommandSpec>& commandSpecs();

// The command called `name`; nullptr when there is none.
const CommandSpec* findCommandSpec(const QString& name);

// The command called `name`, which must be one of commandSpecs().
const CommandSpec& commandSpec(const QString& name);

// `trainbench [--runs-root DIR] [CONFIG]`: the window's own options.
const CommandSpec& windowSpec();

// What `trainbench --help` prints: every command's usage lines and where to read more.
QString overviewText();

// What `trainbench --version` prints: "trainbench 0.1.0\n", the CMake project's version.
QString versionText();

}  // namespace tb::cli
