// SPDX-License-Identifier: MIT
#include "openrangedialog.h"
#include "timelinereader.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Runlens {

namespace {

const char* const kAskAboveKey = "open/askAboveMB";
constexpr int kDefaultAskAboveMB = 1000;

} // namespace

OpenRangeDialog::OpenRangeDialog(const QString& directory, qint64 bytes, QWidget* parent)
    : QDialog(parent)
    , m_askAbove(new QSpinBox(this))
{
    setWindowTitle(tr("Open a Large Timeline Directory"));
    auto* text = new QLabel(tr("%1 holds %2 of timeline lines. Reading all of it takes a while and memory of "
                               "about half that.\n\nOpen only the runs that start in its last hour or day, "
                               "counted back from its newest line?")
                                .arg(QDir::toNativeSeparators(directory), QLocale().formattedDataSize(bytes)),
        this);
    text->setWordWrap(true);

    m_askAbove->setObjectName(QStringLiteral("askAbove"));
    m_askAbove->setRange(0, 10'000'000);
    m_askAbove->setSingleStep(100);
    m_askAbove->setSuffix(tr(" MB"));
    m_askAbove->setValue(int(askAboveBytes() / 1'000'000));
    connect(m_askAbove, &QSpinBox::valueChanged, this,
        [](int megabytes) { QSettings().setValue(kAskAboveKey, megabytes); });
    auto* form = new QFormLayout;
    form->addRow(tr("Ask for directories &over:"), m_askAbove);

    auto* buttons = new QDialogButtonBox(this);
    struct Choice
    {
        QString label;
        const char* name; // for tests
        double seconds;
    };
    const Choice choices[] = { { tr("Last &Hour"), "lastHour", 3600.0 }, { tr("Last &Day"), "lastDay", 86400.0 },
        { tr("&All"), "all", 0.0 } };
    for (const auto& [label, name, seconds] : choices) {
        QPushButton* button = buttons->addButton(label, QDialogButtonBox::AcceptRole);
        button->setObjectName(QLatin1String(name));
        button->setDefault(seconds == 3600.0); // the incident is usually in the last hour
        connect(button, &QPushButton::clicked, this, [this, seconds = seconds] { choose(seconds); });
    }
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void OpenRangeDialog::choose(double lastSeconds)
{
    m_lastSeconds = lastSeconds;
    accept();
}

qint64 OpenRangeDialog::askAboveBytes()
{
    return QSettings().value(kAskAboveKey, kDefaultAskAboveMB).toLongLong() * 1'000'000;
}

qint64 OpenRangeDialog::timelineBytes(const QString& directory)
{
    qint64 bytes = 0;
    for (const QString& path : TimelineReader::timelinePaths(directory))
        bytes += QFileInfo(path).size();
    return bytes;
}

} // namespace Runlens
