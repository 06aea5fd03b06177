// SPDX-License-Identifier: MIT
// One libFuzzer binary per target; RUNLENS_FUZZ_TARGET names the entry point (see entrypoints.h).
#include "entrypoints.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const QString target = QStringLiteral(RUNLENS_FUZZ_TARGET);
    // Not copied: like a mapped timeline file, the bytes end without a NUL, so ASan sees any overread.
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString problem = Runlens::Fuzz::run(target, bytes);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "runlens fuzz %s: %s\n", RUNLENS_FUZZ_TARGET, qPrintable(problem));
        std::abort(); // libFuzzer keeps the input as a crash
    }
    return 0;
}
