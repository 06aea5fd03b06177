// SPDX-License-Identifier: MIT
#pragma once

#include "source.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace Runlens {

class RunFilterProxy;
class RunListModel;

/// One opened source: its loading progress, then its runs with a filter and a details pane, or a
/// message saying why there is nothing to show. Whoever loads the source feeds it in; the view
/// itself never reads files.
class SourceView : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        Loading,
        Loaded,
        Failed,
        Canceled
    };

    explicit SourceView(const QString& path, QWidget* parent = nullptr);
    ~SourceView() override;

    QString path() const { return m_path; }
    State state() const { return m_state; }
    SourcePtr source() const { return m_source; }
    /// Problems of the source plus those of its runs.
    qsizetype problemCount() const;

    /// Back to the progress page, at zero.
    void showLoading();
    void setProgress(int permille, const QString& text);
    /// Shows the runs, or the fatal error when the source could not be read.
    void setSource(SourcePtr source);
    void showCanceled();

    void focusFilter();
    /// Selects the first run that has a stage grid (else the first run); false when there is none.
    bool selectFirstRun();
    RunPtr currentRun() const;

signals:
    void cancelRequested();
    void reloadRequested();
    /// Emitted after every change of state().
    void stateChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void setState(State state);
    void showMessage(const QString& title, const QString& text, const QString& details);
    void updateDetails();
    void updateCounts();
    void showOverview();
    void fitTreeWidth();
    QString overviewText() const;

    QString m_path;
    State m_state = State::Loading;
    SourcePtr m_source;
    bool m_fitPending = false; // the splitter is sized once the content page has its real width
    RunListModel* m_model;
    RunFilterProxy* m_proxy;

    QStackedWidget* m_pages;
    QWidget* m_loadingPage;
    QLabel* m_progressText;
    QProgressBar* m_progressBar;
    QWidget* m_contentPage;
    QLineEdit* m_filterEdit;
    QComboBox* m_statusFilter;
    QLabel* m_countLabel;
    QToolButton* m_problemsButton;
    QSplitter* m_splitter;
    QTreeView* m_tree;
    QPlainTextEdit* m_details;
    QWidget* m_messagePage;
    QLabel* m_messageTitle;
    QLabel* m_messageText;
    QPlainTextEdit* m_messageDetails;
};

} // namespace Runlens
