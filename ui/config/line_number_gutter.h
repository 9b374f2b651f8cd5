#pragma once
// The line-number strip to the left of the YAML text; it paints what the editor tells it.

#include <QWidget>

namespace tb {

class YamlEditor;

class LineNumberGutter : public QWidget {
    Q_OBJECT

public:
    explicit LineNumberGutter(YamlEditor* editor);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    YamlEditor* m_editor;
};

}  // namespace tb
