#pragma once
// Shared material for the config editor tests: sample files and ways to type into widgets.

#include <QByteArray>
#include <QString>

class QWidget;

namespace tb {
class ConfigEditor;
}

// Comments on the edited lines, so a test sees whether an edit kept them.
extern const QByteArray kCommentedConfig;
// CRLF line ends, non-ASCII comment, trailing spaces, a flow map, no final newline.
extern const QByteArray kOddBytes;

void showAndWait(QWidget& widget);
// Selects everything in the field, types `text` and presses Return, as a user would.
// Works for line edits and spin boxes alike.
void retype(QWidget* field, const QString& text);
// keyClicks for text with line breaks: each '\n' is a Return key press.
void typeText(QWidget* widget, const QString& text);
QByteArray readBytes(const QString& path);
// Opens `configPath`, types two mistakes into the text and grabs the editor to `pngPath`.
bool saveScreenshot(const QString& pngPath, const QString& configPath);
