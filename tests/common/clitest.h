// SPDX-License-Identifier: MIT
// Runs the real runlens-cli binary for the end-to-end tests, and names the fixture packs they use.
#pragma once

#include "testdata.h"

#include <QProcess>
#include <QStringList>

namespace Runlens::Test {

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline Result cli(const QStringList& arguments, int timeoutMs = 60000)
{
    QProcess process;
    process.start(QStringLiteral(RUNLENS_CLI), arguments);
    if (!process.waitForFinished(timeoutMs))
        qFatal("runlens-cli did not finish");
    Result result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// The two happy packs hold the same run; each seed pack is the same run as the upstream pack of its name.
inline const char* const kHappyPack = "upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/"
                                      "runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560451.zip";
inline const char* const kHappyCliPack = "upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/"
                                         "runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560452.zip";
inline const char* const kSparsePack = "upstream/sparse-disabled/data/diagnostics/runpacks/sess-sparse-disabled/"
                                       "runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560453.zip";
inline const char* const kErrorPack = "upstream/error-embed/data/diagnostics/runpacks/sess-embed-error/"
                                      "runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560454.zip";
inline const char* const kSeedSparse =
    "seed-layout/runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560553.zip";
inline const char* const kSeedError =
    "seed-layout/runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560554.zip";

} // namespace Runlens::Test
