#pragma once
// The command-line face of trainbench: `trainbench run|runs|follow|stop ...` without a window.

#include <QString>

namespace tb {

// Whether `word` (argv[1]) names a command-line command rather than a GUI start.
bool isCliCommand(const QString& word);

// Whether `word` is --help, -h or --version: answered without a window, so without a display.
bool isInfoOption(const QString& word);

// Runs the command in argv[1] and returns the process exit status. Creates the
// QCoreApplication itself when none exists.
int runCliCommand(int argc, char** argv);

}  // namespace tb
