// SPDX-License-Identifier: MIT
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Runlens {

QString installTranslations(const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto* runlens = new QTranslator(QCoreApplication::instance());
    QString installed = locale.name().section(QLatin1Char('_'), 0, 0);
    if (!runlens->load(locale, QStringLiteral("runlens"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        if (!runlens->load(QStringLiteral("runlens_en"), QStringLiteral(":/i18n")))
            return {};
        installed = QStringLiteral("en");
    }
    QCoreApplication::installTranslator(runlens);
    // Qt's own strings (dialog buttons), when the system has them.
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (installed != QLatin1String("en")
        && qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return installed;
}

} // namespace Runlens
