<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Runlens::ActivityStrip</name>
    <message numerus="yes">
        <source>%1: %Ln runs started, %2 failed, %3 cut off</source>
        <translation>
            <numerusform>%1: %Ln run started, %2 failed, %3 cut off</numerusform>
            <numerusform>%1: %Ln runs started, %2 failed, %3 cut off</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Whole directory: %1, %Ln runs (%2 failed, %3 cut off). Loaded: %4. Drag across to load another span.</source>
        <translation>
            <numerusform>Whole directory: %1, %Ln run (%2 failed, %3 cut off). Loaded: %4. Drag across to load another span.</numerusform>
            <numerusform>Whole directory: %1, %Ln runs (%2 failed, %3 cut off). Loaded: %4. Drag across to load another span.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::CompareView</name>
    <message numerus="yes">
        <source>%n paths differ only in their prefix</source>
        <translation>
            <numerusform>%n path differs only in its prefix</numerusform>
            <numerusform>%n paths differ only in their prefix</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::EventsView</name>
    <message numerus="yes">
        <source>Showing %n selected event(s)</source>
        <translation>
            <numerusform>Showing %n selected event</numerusform>
            <numerusform>Showing %n selected events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln event(s)</source>
        <translation>
            <numerusform>%1 of %Ln event</numerusform>
            <numerusform>%1 of %Ln events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::HintReport</name>
    <message numerus="yes">
        <source>
%n hints suppressed.
</source>
        <translation>
            <numerusform>
%n hint suppressed.
</numerusform>
            <numerusform>
%n hints suppressed.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::HintsModel</name>
    <message numerus="yes">
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{%n key}</numerusform>
            <numerusform>{%n keys}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n item]</numerusform>
            <numerusform>[%n items]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Root cause, with %n symptom(s)</source>
        <translation>
            <numerusform>Root cause, with %n symptom</numerusform>
            <numerusform>Root cause, with %n symptoms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::JsonLineParser</name>
    <message numerus="yes">
        <source>%n non-finite numbers (NaN, Infinity, -Infinity) read as Python reads them</source>
        <translation>
            <numerusform>%n non-finite number (NaN, Infinity, -Infinity) read as Python reads it</numerusform>
            <numerusform>%n non-finite numbers (NaN, Infinity, -Infinity) read as Python reads them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::JsonTreeModel</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::MainWindow</name>
    <message numerus="yes">
        <source>Triage: %Ln inputs</source>
        <translation>
            <numerusform>Triage: %Ln input</numerusform>
            <numerusform>Triage: %Ln inputs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading… %Ln runs so far</source>
        <translation>
            <numerusform>Reading… one run so far</numerusform>
            <numerusform>Reading… %Ln runs so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (last %n min)</source>
        <translation>
            <numerusform>%1 (last %n min)</numerusform>
            <numerusform>%1 (last %n min)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::ProblemsView</name>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln warning</numerusform>
            <numerusform>%Ln warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln shown)</source>
        <translation>
            <numerusform>%1 (%Ln shown)</numerusform>
            <numerusform>%1 (%Ln shown)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::RunBuilder</name>
    <message numerus="yes">
        <source>%n further problems of this run not listed</source>
        <translation>
            <numerusform>%n further problem of this run not listed</numerusform>
            <numerusform>%n further problems of this run not listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::RunListModel</name>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::RunLoader</name>
    <message numerus="yes">
        <source>the runs of the last %n minutes before its newest line: from %1 on</source>
        <translation>
            <numerusform>the runs of the last minute before its newest line: from %1 on</numerusform>
            <numerusform>the runs of the last %n minutes before its newest line: from %1 on</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::SeverityBadge</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suppressed</source>
        <translation>
            <numerusform>%n suppressed</numerusform>
            <numerusform>%n suppressed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disputed</source>
        <translation>
            <numerusform>%n disputed</numerusform>
            <numerusform>%n disputed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::SourceReader</name>
    <message numerus="yes">
        <source>%n stored hints without a &quot;kind&quot; skipped</source>
        <translation>
            <numerusform>%n stored hint without a &quot;kind&quot; skipped</numerusform>
            <numerusform>%n stored hints without a &quot;kind&quot; skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::SourceView</name>
    <message numerus="yes">
        <source>Still reading: the %Ln runs of the files read so far are shown, the last of them perhaps incomplete; hints come when all is read.</source>
        <translation>
            <numerusform>Still reading: the one run of the files read so far is shown, perhaps incomplete; hints come when all is read.</numerusform>
            <numerusform>Still reading: the %Ln runs of the files read so far are shown, the last of them perhaps incomplete; hints come when all is read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading cancelled: only the %Ln runs of the files read before are shown.</source>
        <translation>
            <numerusform>Loading cancelled: only the one run of the files read before is shown.</numerusform>
            <numerusform>Loading cancelled: only the %Ln runs of the files read before are shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln older runs let go</source>
        <translation>
            <numerusform>%Ln older run let go</numerusform>
            <numerusform>%Ln older runs let go</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::SpanStyle</name>
    <message numerus="yes">
        <source>%n more attribute(s)</source>
        <translation>
            <numerusform>%n more attribute</numerusform>
            <numerusform>%n more attributes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::SpanTreeModel</name>
    <message numerus="yes">
        <source>%n point event(s) on this row</source>
        <translation>
            <numerusform>%n point event on this row</numerusform>
            <numerusform>%n point events on this row</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::StageGridModel</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::SummaryExport</name>
    <message numerus="yes">
        <source>%n more row(s) not shown</source>
        <translation>
            <numerusform>%n more row not shown</numerusform>
            <numerusform>%n more rows not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::TimelineReader</name>
    <message numerus="yes">
        <source>%1: %n lines</source>
        <translation>
            <numerusform>%1: %n line</numerusform>
            <numerusform>%1: %n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n further problems in this file not listed</source>
        <translation>
            <numerusform>%n further problem in this file not listed</numerusform>
            <numerusform>%n further problems in this file not listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::TimelineTailer</name>
    <message numerus="yes">
        <source>file deleted with %n unread bytes; their lines are lost</source>
        <translation>
            <numerusform>file deleted with %n unread byte; its line is lost</numerusform>
            <numerusform>file deleted with %n unread bytes; their lines are lost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>more than %n problems in this file; further ones are not listed</source>
        <translation>
            <numerusform>more than %n problem in this file; further ones are not listed</numerusform>
            <numerusform>more than %n problems in this file; further ones are not listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>rotated segment overwritten with %n unread bytes; their lines are lost</source>
        <translation>
            <numerusform>rotated segment overwritten with %n unread byte; its line is lost</numerusform>
            <numerusform>rotated segment overwritten with %n unread bytes; their lines are lost</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::TraceOverview</name>
    <message numerus="yes">
        <source>%n span(s) share this pixel; zoom in to tell them apart</source>
        <translation>
            <numerusform>%n span shares this pixel; zoom in to tell them apart</numerusform>
            <numerusform>%n spans share this pixel; zoom in to tell them apart</numerusform>
        </translation>
    </message>
</context>
</TS>
