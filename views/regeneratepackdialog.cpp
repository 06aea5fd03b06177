// SPDX-License-Identifier: MIT
#include "regeneratepackdialog.h"
#include "inputfile.h"
#include "inputs.h"
#include "outputfile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace Runlens {

RegeneratePackDialog::RegeneratePackDialog(SourcePtr source, RunPtr run, QWidget* parent)
    : QDialog(parent)
    , m_source(std::move(source))
    , m_run(std::move(run))
    , m_directory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
    , m_scope(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_layout(new QComboBox(this))
    , m_redact(new QCheckBox(tr("&Redact query texts, absolute paths, host names and secrets"), this))
    , m_output(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Regenerate Pack"));
    m_scope->setObjectName(QStringLiteral("scope"));
    m_scope->addItem(tr("This run (%1)").arg(m_run->runId), m_run->runId);
    m_scope->addItem(tr("Every run of session %1").arg(m_run->sessionId), QString());
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("Written to meta.json; empty writes null"));
    m_layout->setObjectName(QStringLiteral("layout"));
    m_layout->addItem(tr("Upstream (codeintel/runpack@v1)"), int(PackOptions::Layout::Upstream));
    m_layout->addItem(tr("Seed plan"), int(PackOptions::Layout::Seed));
    m_redact->setObjectName(QStringLiteral("redact"));
    m_redact->setToolTip(tr("Placeholders are stable; redactions.json lists them with their category, "
                            "never the original values"));
    m_output->setObjectName(QStringLiteral("output"));
    connect(m_output, &QLineEdit::textEdited, this, [this] { m_outputEdited = true; });
    auto* browseButton = new QPushButton(tr("&Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &RegeneratePackDialog::browse);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browseButton);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Write Pack"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Runs:"), m_scope);
    form->addRow(tr("R&eason:"), m_reason);
    form->addRow(tr("&Layout:"), m_layout);
    form->addRow(QString(), m_redact);
    // A label of its own: addRow() with a layout gives the label no buddy, so Alt+O would go nowhere.
    auto* outputLabel = new QLabel(tr("&Output:"), this);
    outputLabel->setObjectName(QStringLiteral("outputLabel"));
    outputLabel->setBuddy(m_output);
    form->addRow(outputLabel, outputRow);
    form->addRow(m_error);
    form->addRow(m_buttons);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &RegeneratePackDialog::updateDefaultName);
    updateDefaultName();
    resize(640, sizeHint().height());
}

RegeneratePackDialog::~RegeneratePackDialog() = default;

PackOptions RegeneratePackDialog::options() const
{
    PackOptions options;
    options.sessionId = m_run->sessionId;
    options.runId = m_scope->currentData().toString();
    options.reason = m_reason->text();
    options.layout = PackOptions::Layout(m_layout->currentData().toInt());
    options.redact = m_redact->isChecked();
    return options;
}

QString RegeneratePackDialog::outputPath() const
{
    return m_output->text().trimmed();
}

void RegeneratePackDialog::setOutputDirectory(const QString& directory)
{
    m_directory = directory;
    updateDefaultName();
}

void RegeneratePackDialog::updateDefaultName()
{
    if (m_outputEdited)
        return;
    // Named as upstream names packs.
    m_output->setText(QDir::toNativeSeparators(QDir(m_directory).filePath(packFileName(*m_source, options()))));
}

void RegeneratePackDialog::browse()
{
    // The file dialog asks before replacing a file; that answer is the overwrite permission.
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Write Pack To"), outputPath(), tr("Runpacks (*.zip)"), nullptr);
    if (path.isEmpty())
        return;
    m_output->setText(QDir::toNativeSeparators(path));
    m_outputEdited = true;
    m_overwrite = fileStatus(path).type != FileStatus::Type::Missing;
}

void RegeneratePackDialog::accept()
{
    const QString path = outputPath();
    QString error;
    if (path.isEmpty())
        error = tr("Choose where to write the pack.");
    else // the check the write makes, before the dialog closes: an input, a device, a timeline name
        error = outputRefusal(
            path, { m_source->inputFiles + QStringList { Inputs::suppressionFileFor(m_source->path) }, true });
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->setVisible(true);
        return;
    }
    if (fileStatus(path).type != FileStatus::Type::Missing && !m_overwrite) {
        const auto answer = QMessageBox::question(this, tr("Replace File?"),
            tr("%1 exists. Replace it?").arg(QDir::toNativeSeparators(path)), QMessageBox::Yes | QMessageBox::No,
            QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
        m_overwrite = true;
    }
    QDialog::accept();
}

} // namespace Runlens
