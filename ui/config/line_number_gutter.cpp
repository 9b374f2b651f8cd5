// LineNumberGutter: forwards size and painting to the editor that owns the text layout.
#include "line_number_gutter.h"

#include "yaml_editor.h"

namespace tb {

LineNumberGutter::LineNumberGutter(YamlEditor* editor) : QWidget(editor), m_editor(editor) {
}

QSize LineNumberGutter::sizeHint() const {
    return {m_editor->gutterWidth(), 0};
}

void LineNumberGutter::paintEvent(QPaintEvent* event) {
    m_editor->paintGutter(event);
}

}  // namespace tb
