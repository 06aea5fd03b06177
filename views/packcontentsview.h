// SPDX-License-Identifier: MIT
#pragma once

#include "source.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace Runlens {

class JsonTreeModel;

/// The raw members of a runpack (meta, context, budgets, reports, logs): JSON as a searchable tree,
/// everything else as text. For a timeline input it lists the files that were read.
class PackContentsView : public QWidget
{
    Q_OBJECT
public:
    explicit PackContentsView(QWidget* parent = nullptr);
    ~PackContentsView() override;

    void setSource(SourcePtr source);
    /// Shows one member by name; false when the source has no such member.
    bool showMember(const QString& name);
    void focusSearch();

private:
    void showCurrent();
    void showJson(const PackMember& member, const QJsonValue& json);
    void showText(const QString& text);
    QString noteFor(const PackMember& member, const QJsonValue& json) const;

    SourcePtr m_source;
    QListWidget* m_members;
    QLabel* m_note;
    QLineEdit* m_search;
    QStackedWidget* m_pages;
    JsonTreeModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTreeView* m_tree;
    QPlainTextEdit* m_text;
};

} // namespace Runlens
