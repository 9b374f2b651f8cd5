// LogSearchBar: plain widgets; LogView does the finding and highlighting.
#include "log_search_bar.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QToolButton>

namespace tb {

LogSearchBar::LogSearchBar(QWidget* parent) : QWidget(parent) {
    m_edit = new QLineEdit(this);
    m_edit->setPlaceholderText(tr("Find in log"));
    m_edit->setClearButtonEnabled(true);
    auto* prev = new QToolButton(this);
    prev->setText(tr("Previous"));
    auto* next = new QToolButton(this);
    next->setText(tr("Next"));
    auto* close = new QToolButton(this);
    close->setText(tr("Close"));
    m_status = new QLabel(this);
    m_status->setMinimumWidth(90);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(prev);
    layout->addWidget(next);
    layout->addWidget(m_status);
    layout->addWidget(close);

    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        const bool backward = QGuiApplication::keyboardModifiers() & Qt::ShiftModifier;
        Q_EMIT findRequested(text(), backward);
    });
    connect(m_edit, &QLineEdit::textChanged, this, &LogSearchBar::textChanged);
    connect(next, &QToolButton::clicked, this, [this] { Q_EMIT findRequested(text(), false); });
    connect(prev, &QToolButton::clicked, this, [this] { Q_EMIT findRequested(text(), true); });
    auto hide = [this] {
        QWidget::hide();
        Q_EMIT closed();
    };
    connect(close, &QToolButton::clicked, this, hide);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr,
                                 Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, hide);
}

QString LogSearchBar::text() const {
    return m_edit->text();
}

void LogSearchBar::setText(const QString& text) {
    m_edit->setText(text);
}

void LogSearchBar::setStatus(const QString& status) {
    m_status->setText(status);
}

void LogSearchBar::activate() {
    show();
    m_edit->setFocus();
    m_edit->selectAll();
}

}  // namespace tb
