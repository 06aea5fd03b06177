// SPDX-License-Identifier: MIT
#pragma once

#include "packbuilder.h"
#include "source.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Runlens {

/// File > Regenerate Pack: the options of `runlens-cli pack` for one run or its whole session, and
/// where to write the zip. Only collects; the window builds and writes the pack off the GUI thread.
class RegeneratePackDialog : public QDialog
{
    Q_OBJECT
public:
    RegeneratePackDialog(SourcePtr source, RunPtr run, QWidget* parent = nullptr);
    ~RegeneratePackDialog() override;

    /// The folder the default file name goes to (at first the documents folder, never the input's, which
    /// may be read-only or a shared drop folder).
    void setOutputDirectory(const QString& directory);
    PackOptions options() const;
    QString outputPath() const;
    /// The user agreed to replace an existing file (asked when they accept).
    bool overwrite() const { return m_overwrite; }

    void accept() override;

private:
    void browse();
    void updateDefaultName();

    SourcePtr m_source;
    RunPtr m_run;
    QString m_directory;
    bool m_overwrite = false;
    bool m_outputEdited = false; // once the user chose a name, option changes keep it
    QComboBox* m_scope;
    QLineEdit* m_reason;
    QComboBox* m_layout;
    QCheckBox* m_redact;
    QLineEdit* m_output;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace Runlens
