// Trust dialogs: plain explanations, the fingerprint in a selectable monospace line.

#include "host_key_dialogs.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace tb {

namespace {

QLabel* wrappedLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel* fingerprintLine(const QString& fingerprint, QWidget* parent) {
    auto* label = new QLabel(fingerprint, parent);
    label->setObjectName(QStringLiteral("fingerprint"));
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setToolTip(QObject::tr("Compare with the fingerprint your provider shows"));
    return label;
}

// The frame both trust dialogs share: the icon at the top left and a column of text beside it,
// in the dialog's own layout. Returns the empty column; the dialog fills it, then adds its
// buttons below (made after the text, so that Tab reaches them last).
QVBoxLayout* iconTextFrame(QDialog* dialog, QStyle::StandardPixmap icon) {
    auto* text = new QWidget(dialog);
    auto* column = new QVBoxLayout(text);
    column->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    auto* iconLabel = new QLabel(dialog);
    iconLabel->setPixmap(dialog->style()->standardIcon(icon).pixmap(40, 40));
    iconLabel->setAlignment(Qt::AlignTop);
    row->addWidget(iconLabel);
    row->addWidget(text, 1);
    auto* layout = new QVBoxLayout(dialog);
    layout->addLayout(row);
    return column;
}

}  // namespace

UnknownHostKeyDialog::UnknownHostKeyDialog(const QString& hostName, const QString& address,
                                           const QString& fingerprint, QWidget* parent)
    : QDialog(parent), m_fingerprint(fingerprint) {
    setWindowTitle(tr("Unknown host key — %1").arg(hostName));
    setObjectName(QStringLiteral("UnknownHostKeyDialog"));
    QVBoxLayout* textLayout = iconTextFrame(this, QStyle::SP_MessageBoxQuestion);
    QWidget* text = textLayout->parentWidget();
    textLayout->addWidget(wrappedLabel(
        tr("Trainbench has not connected to %1 before. The host identifies itself with this "
           "key fingerprint:")
            .arg(address),
        text));
    m_fingerprintLabel = fingerprintLine(fingerprint, text);
    textLayout->addWidget(m_fingerprintLabel);
    textLayout->addWidget(wrappedLabel(
        tr("Accept it only if it matches what your provider's console shows. Once accepted it "
           "is recorded in known_hosts, and any later change is refused."),
        text));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_accept = buttons->addButton(tr("&Accept and connect"), QDialogButtonBox::AcceptRole);
    m_accept->setToolTip(tr("Trust %1 for %2").arg(fingerprint, address));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout()->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, sizeHint().height());
}

ChangedHostKeyDialog::ChangedHostKeyDialog(const QString& hostName, const QString& address,
                                           const QString& newFingerprint, QWidget* parent)
    : QDialog(parent), m_hostName(hostName) {
    setWindowTitle(tr("Host key changed — %1").arg(hostName));
    setObjectName(QStringLiteral("ChangedHostKeyDialog"));
    QVBoxLayout* textLayout = iconTextFrame(this, QStyle::SP_MessageBoxCritical);
    QWidget* text = textLayout->parentWidget();
    m_explanation = wrappedLabel(
        tr("The host key of %1 has CHANGED, so Trainbench refused to log in. Either the "
           "instance was re-created (cloud providers reuse addresses and ports for new "
           "instances), or someone is intercepting the connection. The host now shows:")
            .arg(address),
        text);
    textLayout->addWidget(m_explanation);
    textLayout->addWidget(fingerprintLine(newFingerprint, text));
    textLayout->addWidget(wrappedLabel(
        tr("Only if you know the instance was re-created: forget the old key, then connect "
           "again and compare the new fingerprint with your provider's console. To confirm, "
           "type the host's name, %1:")
            .arg(hostName),
        text));
    m_confirm = new QLineEdit(text);
    m_confirm->setObjectName(QStringLiteral("confirmName"));
    m_confirm->setPlaceholderText(hostName);
    m_confirm->setToolTip(tr("Type %1 to enable \"Forget the old key\"").arg(hostName));
    textLayout->addWidget(m_confirm);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_forget = buttons->addButton(tr("&Forget the old key"), QDialogButtonBox::DestructiveRole);
    m_forget->setObjectName(QStringLiteral("forgetButton"));
    m_forget->setEnabled(false);
    m_forget->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    layout()->addWidget(buttons);
    connect(m_confirm, &QLineEdit::textChanged, this,
            [this](const QString& typed) { m_forget->setEnabled(typed.trimmed() == m_hostName); });
    connect(m_forget, &QPushButton::clicked, this, [this] {
        if (m_confirm->text().trimmed() != m_hostName) return;
        Q_EMIT forgetConfirmed();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, sizeHint().height());
}

}  // namespace tb
