<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Runlens::Activity</name>
    <message>
        <source>Scanning the directory for its runs over time</source>
        <translation>Das Verzeichnis wird nach seinen Läufen über die Zeit durchsucht</translation>
    </message>
</context>
<context>
    <name>Runlens::ActivityStrip</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>No runs in this directory</source>
        <translation>Keine Läufe in diesem Verzeichnis</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Wird durchsucht…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln runs started, %2 failed, %3 cut off</source>
        <translation>
            <numerusform>%1: %Ln Lauf begonnen, %2 fehlgeschlagen, %3 abgebrochen</numerusform>
            <numerusform>%1: %Ln Läufe begonnen, %2 fehlgeschlagen, %3 abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>Drag across the graph to load the runs of a span.</source>
        <translation>Über die Grafik ziehen, um die Läufe einer Zeitspanne zu laden.</translation>
    </message>
    <message>
        <source>Runs over time</source>
        <translation>Läufe über die Zeit</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cut off</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>being read</source>
        <translation>wird gelesen</translation>
    </message>
    <message>
        <source>all of it</source>
        <translation>alles</translation>
    </message>
    <message>
        <source>from %1 on</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>before %1</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>Scanning the whole directory for its runs over time. Loaded: %1.</source>
        <translation>Das ganze Verzeichnis wird nach seinen Läufen über die Zeit durchsucht. Geladen: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Whole directory: %1, %Ln runs (%2 failed, %3 cut off). Loaded: %4. Drag across to load another span.</source>
        <translation>
            <numerusform>Ganzes Verzeichnis: %1, %Ln Lauf (%2 fehlgeschlagen, %3 abgebrochen). Geladen: %4. Darüber ziehen, um eine andere Zeitspanne zu laden.</numerusform>
            <numerusform>Ganzes Verzeichnis: %1, %Ln Läufe (%2 fehlgeschlagen, %3 abgebrochen). Geladen: %4. Darüber ziehen, um eine andere Zeitspanne zu laden.</numerusform>
        </translation>
    </message>
    <message>
        <source>no runs</source>
        <translation>keine Läufe</translation>
    </message>
</context>
<context>
    <name>Runlens::CompareView</name>
    <message>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>A duration</source>
        <translation>Dauer A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>B duration</source>
        <translation>Dauer B</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>A  %1
B  %2
%3</source>
        <translation>A  %1
B  %2
%3</translation>
    </message>
    <message>
        <source>Waterfall A</source>
        <translation>Wasserfall A</translation>
    </message>
    <message>
        <source>Waterfall B</source>
        <translation>Wasserfall B</translation>
    </message>
    <message>
        <source>Same stages, hints and settings.</source>
        <translation>Gleiche Stufen, Hinweise und Einstellungen.</translation>
    </message>
    <message>
        <source>Differs: stages changed %1 of %2 · hints in only one run %3 · settings changed %4</source>
        <translation>Unterschiede: geänderte Stufen %1 von %2 · Hinweise in nur einem Lauf %3 · geänderte Einstellungen %4</translation>
    </message>
    <message>
        <source>Status differs</source>
        <translation>Status unterscheidet sich</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Only in A (%1)</source>
        <translation>Nur in A (%1)</translation>
    </message>
    <message>
        <source>Only in B (%1)</source>
        <translation>Nur in B (%1)</translation>
    </message>
    <message>
        <source>Δ (B−A)</source>
        <translation>Δ (B−A)</translation>
    </message>
    <message>
        <source>%1 %2: %3 → %4</source>
        <translation>%1 %2: %3 → %4</translation>
    </message>
    <message numerus="yes">
        <source>%n paths differ only in their prefix</source>
        <translation>
            <numerusform>%n Pfad unterscheidet sich nur im Präfix</numerusform>
            <numerusform>%n Pfade unterscheiden sich nur im Präfix</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::EventDetailsView</name>
    <message>
        <source>Search attributes</source>
        <translation>Attribute durchsuchen</translation>
    </message>
    <message>
        <source>The raw JSON line of the selected event</source>
        <translation>Die rohe JSON-Zeile des ausgewählten Ereignisses</translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation>Kein Ereignis ausgewählt</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
</context>
<context>
    <name>Runlens::EventsModel</name>
    <message>
        <source>-%1 ms</source>
        <translation>-%1 ms</translation>
    </message>
    <message>
        <source>+%1 ms</source>
        <translation>+%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Versatz</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Fundstelle</translation>
    </message>
    <message>
        <source>When the line was written, in local time</source>
        <translation>Zeitpunkt, zu dem die Zeile geschrieben wurde, in Ortszeit</translation>
    </message>
    <message>
        <source>Milliseconds since the run started</source>
        <translation>Millisekunden seit dem Start des Laufs</translation>
    </message>
    <message>
        <source>The line&apos;s duration_ms attribute</source>
        <translation>Das Attribut duration_ms der Zeile</translation>
    </message>
    <message>
        <source>First line of the message; hover a row for all of it</source>
        <translation>Erste Zeile der Meldung; für den vollständigen Text mit der Maus über die Zeile fahren</translation>
    </message>
    <message>
        <source>File and line the event was read from</source>
        <translation>Datei und Zeile, aus der das Ereignis gelesen wurde</translation>
    </message>
</context>
<context>
    <name>Runlens::EventsView</name>
    <message>
        <source>Show all</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>Filter events (type, name, status, message)</source>
        <translation>Ereignisse filtern (Typ, Name, Status, Meldung)</translation>
    </message>
    <message>
        <source>Column filters</source>
        <translation>Spaltenfilter</translation>
    </message>
    <message>
        <source>Show a filter field above each column</source>
        <translation>Über jeder Spalte ein Filterfeld anzeigen</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show rows whose %1 contains this text</source>
        <translation>Zeilen anzeigen, deren Spalte %1 diesen Text enthält</translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation>%1 filtern</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n selected event(s)</source>
        <translation>
            <numerusform>%n ausgewähltes Ereignis wird angezeigt</numerusform>
            <numerusform>%n ausgewählte Ereignisse werden angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln Ereignis</numerusform>
            <numerusform>%Ln Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln event(s)</source>
        <translation>
            <numerusform>%1 von %Ln Ereignis</numerusform>
            <numerusform>%1 von %Ln Ereignissen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::HintReport</name>
    <message>
        <source>(input)</source>
        <translation>(Eingabe)</translation>
    </message>
    <message>
        <source># Hints: `%1`

</source>
        <translation># Hinweise: `%1`

</translation>
    </message>
    <message>
        <source>| Severity | Kind | Session | Run | Tool | Status | Message |
|---|---|---|---|---|---|---|
</source>
        <translation>| Schweregrad | Art | Sitzung | Lauf | Tool | Status | Meldung |
|---|---|---|---|---|---|---|
</translation>
    </message>
    <message numerus="yes">
        <source>
%n hints suppressed.
</source>
        <translation>
            <numerusform>
%n Hinweis unterdrückt.
</numerusform>
            <numerusform>
%n Hinweise unterdrückt.
</numerusform>
        </translation>
    </message>
    <message>
        <source>
## Disputed

Stored by upstream, contradicted by the run&apos;s own lines; not counted.

| Kind | Session | Run | Message | Why disputed |
|---|---|---|---|---|
</source>
        <translation>
## Bestritten

Von Upstream gespeichert, von den eigenen Zeilen des Laufs widerlegt; nicht gezählt.

| Art | Sitzung | Lauf | Meldung | Warum bestritten |
|---|---|---|---|---|
</translation>
    </message>
    <message>
        <source>suppressed by %1</source>
        <translation>unterdrückt durch %1</translation>
    </message>
    <message>
        <source>disputed: %1</source>
        <translation>bestritten: %1</translation>
    </message>
</context>
<context>
    <name>Runlens::HintsModel</name>
    <message numerus="yes">
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{%n Schlüssel}</numerusform>
            <numerusform>{%n Schlüssel}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
    <message>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>computed by Runlens</source>
        <translation>von Runlens berechnet</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Unterdrückt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Hints silenced by a suppression line; they are not counted with their severity</source>
        <translation>Durch eine Unterdrückungszeile stummgeschaltete Hinweise; sie werden bei ihrem Schweregrad nicht mitgezählt</translation>
    </message>
    <message>
        <source>%1 fires when %2</source>
        <translation>%1 greift, wenn %2</translation>
    </message>
    <message>
        <source>%1
Suppressed by: %2</source>
        <translation>%1
Unterdrückt durch: %2</translation>
    </message>
    <message>
        <source>Written by upstream into the source, shown as stored</source>
        <translation>Vom Upstream in die Quelle geschrieben, wie gespeichert angezeigt</translation>
    </message>
    <message>
        <source>Computed by Runlens from the run</source>
        <translation>Von Runlens aus dem Lauf berechnet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Stored by upstream in the source, or computed by Runlens</source>
        <translation>Vom Upstream in der Quelle gespeichert oder von Runlens berechnet</translation>
    </message>
    <message>
        <source>The facts the rule used; hover for the full JSON</source>
        <translation>Die Fakten, die die Regel verwendet hat; für das vollständige JSON mit der Maus darüberfahren</translation>
    </message>
    <message>
        <source>Where the first proof is; expand the hint for all of it</source>
        <translation>Wo der erste Beleg steht; den Hinweis aufklappen, um alle zu sehen</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Bestritten</translation>
    </message>
    <message>
        <source>Hints stored by upstream that the run&apos;s own lines disprove; shown as stored, not counted</source>
        <translation>Von Upstream gespeicherte Hinweise, die die eigenen Zeilen des Laufs widerlegen; wie gespeichert gezeigt, nicht gezählt</translation>
    </message>
    <message>
        <source>%1
Disputed: %2</source>
        <translation>%1
Bestritten: %2</translation>
    </message>
    <message>
        <source>A consequence of the root cause above: %1</source>
        <translation>Eine Folge der Ursache darüber: %1</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Ursache</translation>
    </message>
    <message numerus="yes">
        <source>Root cause, with %n symptom(s)</source>
        <translation>
            <numerusform>Ursache, mit %n Folge</numerusform>
            <numerusform>Ursache, mit %n Folgen</numerusform>
        </translation>
    </message>
    <message>
        <source>The hint that names what broke first; the hints nested under it are its consequences</source>
        <translation>Der Hinweis, der nennt, was zuerst brach; die darunter eingerückten Hinweise sind seine Folgen</translation>
    </message>
</context>
<context>
    <name>Runlens::HintsView</name>
    <message>
        <source>Fires when %1.</source>
        <translation>Greift, wenn %1.</translation>
    </message>
    <message>
        <source>No hints for this run: no rule fired.</source>
        <translation>Keine Hinweise für diesen Lauf: Keine Regel hat gegriffen.</translation>
    </message>
    <message>
        <source>Select a hint to read its details.</source>
        <translation>Wählen Sie einen Hinweis aus, um seine Details zu lesen.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Suppressed by</source>
        <translation>Unterdrückt durch</translation>
    </message>
    <message>
        <source>Fires when</source>
        <translation>Greift, wenn</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Keine erfasst.</translation>
    </message>
    <message>
        <source>Raw line %1</source>
        <translation>Rohzeile %1</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Bestritten</translation>
    </message>
    <message>
        <source>… and %L1 more: expand the hint above to list them all.</source>
        <translation>… und %L1 weitere: den Hinweis oben aufklappen, um alle aufzulisten.</translation>
    </message>
</context>
<context>
    <name>Runlens::InputFile</name>
    <message>
        <source>symbolic link loop</source>
        <translation>Schleife symbolischer Links</translation>
    </message>
    <message>
        <source>dangling symbolic link to %1</source>
        <translation>verwaister symbolischer Link auf %1</translation>
    </message>
    <message>
        <source>a directory, not a regular file</source>
        <translation>ein Verzeichnis, keine reguläre Datei</translation>
    </message>
    <message>
        <source>a FIFO (named pipe), not a regular file</source>
        <translation>ein FIFO (Named Pipe), keine reguläre Datei</translation>
    </message>
    <message>
        <source>a socket, not a regular file</source>
        <translation>ein Socket, keine reguläre Datei</translation>
    </message>
    <message>
        <source>a device, not a regular file</source>
        <translation>ein Gerät, keine reguläre Datei</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>no such file or directory</source>
        <translation>Datei oder Verzeichnis nicht gefunden</translation>
    </message>
</context>
<context>
    <name>Runlens::JsonLineParser</name>
    <message>
        <source>invalid UTF-8 replaced with U+FFFD</source>
        <translation>ungültiges UTF-8 durch U+FFFD ersetzt</translation>
    </message>
    <message>
        <source>not valid JSON (%1)</source>
        <translation>kein gültiges JSON (%1)</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>missing required key &quot;ts&quot;</source>
        <translation>erforderlicher Schlüssel &quot;ts&quot; fehlt</translation>
    </message>
    <message>
        <source>&quot;ts&quot; is not a number</source>
        <translation>&quot;ts&quot; ist keine Zahl</translation>
    </message>
    <message>
        <source>&quot;ts&quot; is a string, read as a number</source>
        <translation>&quot;ts&quot; ist eine Zeichenkette, als Zahl gelesen</translation>
    </message>
    <message>
        <source>missing required key &quot;%1&quot;</source>
        <translation>erforderlicher Schlüssel &quot;%1&quot; fehlt</translation>
    </message>
    <message>
        <source>missing key &quot;%1&quot;, taken as &quot;%2&quot;</source>
        <translation>Schlüssel &quot;%1&quot; fehlt, als &quot;%2&quot; angenommen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a string</source>
        <translation>&quot;%1&quot; ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a string, read as &quot;%2&quot;</source>
        <translation>&quot;%1&quot; ist keine Zeichenkette, als &quot;%2&quot; gelesen</translation>
    </message>
    <message>
        <source>&quot;ts&quot; is %1, not a time: the line is kept, placed after the line of its run before it</source>
        <translation>&quot;ts&quot; ist %1, keine Zeit: Die Zeile bleibt erhalten, hinter der vorigen Zeile ihres Laufs eingeordnet</translation>
    </message>
    <message numerus="yes">
        <source>%n non-finite numbers (NaN, Infinity, -Infinity) read as Python reads them</source>
        <translation>
            <numerusform>%n nicht endliche Zahl (NaN, Infinity, -Infinity) gelesen, wie Python sie liest</numerusform>
            <numerusform>%n nicht endliche Zahlen (NaN, Infinity, -Infinity) gelesen, wie Python sie liest</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::JsonTreeModel</name>
    <message>
        <source>parsed</source>
        <translation>geparst</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n Schlüssel</numerusform>
            <numerusform>%n Schlüssel</numerusform>
        </translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>bool</source>
        <translation>Boolesch</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>string (JSON)</source>
        <translation>Zeichenkette (JSON)</translation>
    </message>
    <message>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Decoded from the JSON text of %1</source>
        <translation>Aus dem JSON-Text von %1 dekodiert</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>Runlens::MainWindow</name>
    <message>
        <source>Open File…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <source>Open Directory…</source>
        <translation>Verzeichnis öffnen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Directory…</source>
        <translation>&amp;Verzeichnis öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Write every run&apos;s hints and stage grid as Markdown, CSV, JSON or HTML</source>
        <translation>Hinweise und Stufenraster aller Läufe als Markdown, CSV, JSON oder HTML schreiben</translation>
    </message>
    <message>
        <source>Re&amp;generate Pack…</source>
        <translation>&amp;Runpack neu erzeugen…</translation>
    </message>
    <message>
        <source>Write a runpack for the selected run with today&apos;s detectors</source>
        <translation>Ein Runpack für den ausgewählten Lauf mit den aktuellen Detektoren schreiben</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Tab &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Filter Runs</source>
        <translation>Läufe &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Runlens</source>
        <translation>Ü&amp;ber Runlens</translation>
    </message>
    <message>
        <source>About Runlens</source>
        <translation>Über Runlens</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Runlens %1&lt;/h3&gt;&lt;p&gt;A forensics viewer for runpacks and JSONL timelines of a retrieval server: its runs, their stages, and every problem met while reading them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Runlens %1&lt;/h3&gt;&lt;p&gt;Ein Forensik-Viewer für Runpacks und JSONL-Timelines eines Retrieval-Servers: seine Läufe, ihre Stufen und jedes Problem, das beim Lesen auftrat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Open Runpacks or Timelines</source>
        <translation>Runpacks oder Timelines öffnen</translation>
    </message>
    <message>
        <source>Open Timeline Directory</source>
        <translation>Timeline-Verzeichnis öffnen</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Runs: %L1 · Events: %L2 · Problems: %L3</source>
        <translation>Läufe: %L1 · Ereignisse: %L2 · Probleme: %L3</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Next Hint</source>
        <translation>&amp;Nächster Hinweis</translation>
    </message>
    <message>
        <source>&amp;Previous Hint</source>
        <translation>&amp;Vorheriger Hinweis</translation>
    </message>
    <message>
        <source>Next &amp;Failed Stage</source>
        <translation>Nächste &amp;fehlgeschlagene Stufe</translation>
    </message>
    <message>
        <source>Previous F&amp;ailed Stage</source>
        <translation>Vorherige fehlgeschlagene &amp;Stufe</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Bericht</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Inhalt</translation>
    </message>
    <message>
        <source>P&amp;roblems</source>
        <translation>&amp;Probleme</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Next &amp;Tab</source>
        <translation>Nächster &amp;Tab</translation>
    </message>
    <message>
        <source>Pre&amp;vious Tab</source>
        <translation>Vorheriger T&amp;ab</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Self-contained HTML (*.html)</source>
        <translation>Eigenständiges HTML (*.html)</translation>
    </message>
    <message>
        <source>The detectors have not finished yet.</source>
        <translation>Die Detektoren sind noch nicht fertig.</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Cannot Write File</source>
        <translation>Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>&amp;Triage Folder…</source>
        <translation>&amp;Triage eines Ordners…</translation>
    </message>
    <message>
        <source>One table of every run in a folder of runpacks, grouped by hint, stop reason, tool or stage</source>
        <translation>Eine Tabelle aller Läufe in einem Ordner mit Runpacks, gruppiert nach Hinweis, Abbruchgrund, Tool oder Stufe</translation>
    </message>
    <message>
        <source>&amp;Follow Directory…</source>
        <translation>Verzeichnis verfol&amp;gen…</translation>
    </message>
    <message>
        <source>Watch a timeline directory while the server writes it</source>
        <translation>Ein Timeline-Verzeichnis beobachten, während der Server hineinschreibt</translation>
    </message>
    <message>
        <source>%1 (live)</source>
        <translation>%1 (live)</translation>
    </message>
    <message>
        <source>Follow Timeline Directory</source>
        <translation>Timeline-Verzeichnis verfolgen</translation>
    </message>
    <message>
        <source>Triage: %1</source>
        <translation>Triage: %1</translation>
    </message>
    <message numerus="yes">
        <source>Triage: %Ln inputs</source>
        <translation>
            <numerusform>Triage: %Ln Eingabe</numerusform>
            <numerusform>Triage: %Ln Eingaben</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ↔ %2</source>
        <translation>%1 ↔ %2</translation>
    </message>
    <message>
        <source>Cannot Compare</source>
        <translation>Vergleichen nicht möglich</translation>
    </message>
    <message>
        <source>Triage a Folder of Runpacks</source>
        <translation>Triage eines Ordners mit Runpacks</translation>
    </message>
    <message>
        <source>Compare &amp;Selected Runs</source>
        <translation>Ausgewählte Läufe &amp;vergleichen</translation>
    </message>
    <message numerus="yes">
        <source>Reading… %Ln runs so far</source>
        <translation>
            <numerusform>Wird gelesen… bisher %Ln Lauf</numerusform>
            <numerusform>Wird gelesen… bisher %Ln Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows, cells, hints or text</source>
        <translation>Die ausgewählten Zeilen, Zellen, Hinweise oder den ausgewählten Text kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Copy as &amp;Image</source>
        <translation>Als &amp;Bild kopieren</translation>
    </message>
    <message>
        <source>Save as &amp;PNG or SVG…</source>
        <translation>Als &amp;PNG oder SVG speichern…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Save Picture</source>
        <translation>Bild speichern</translation>
    </message>
    <message>
        <source>Could not draw the picture.</source>
        <translation>Das Bild konnte nicht gezeichnet werden.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Runs &amp;List</source>
        <translation>&amp;Liste der Läufe</translation>
    </message>
    <message>
        <source>Show or hide the list of runs (hidden when the input holds one run)</source>
        <translation>Die Liste der Läufe zeigen oder verbergen (verborgen, wenn die Eingabe einen Lauf enthält)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the pane sizes fitted to the window</source>
        <translation>Zurück zu den an das Fenster angepassten Bereichsgrößen</translation>
    </message>
    <message>
        <source>&amp;Export Hints or Trace…</source>
        <translation>Hinweise oder Trace &amp;exportieren…</translation>
    </message>
    <message>
        <source>Trace for Perfetto and chrome://tracing (*.json)</source>
        <translation>Trace für Perfetto und chrome://tracing (*.json)</translation>
    </message>
    <message>
        <source>OpenTelemetry trace, OTLP/JSON (*.json)</source>
        <translation>OpenTelemetry-Trace, OTLP/JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Hints or Trace</source>
        <translation>Hinweise oder Trace exportieren</translation>
    </message>
    <message>
        <source>Open a runpack (.zip), a timeline directory, a .jsonl file or an upstream report, pointer or error envelope (.json), or drop any number of them here.</source>
        <translation>Öffnen Sie ein Runpack (.zip), ein Timeline-Verzeichnis, eine .jsonl-Datei oder einen Bericht, Verweis oder eine Fehlerhülle von Upstream (.json), oder ziehen Sie beliebig viele davon hierher.</translation>
    </message>
    <message>
        <source>Runpacks, timelines and upstream reports (*.zip *.jsonl *.json);;All files (*)</source>
        <translation>Runpacks, Timelines und Berichte von Upstream (*.zip *.jsonl *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Pasted Error &amp;Envelope</source>
        <translation>Eingefügte Fehler&amp;hülle öffnen</translation>
    </message>
    <message>
        <source>Open the runpack that the MCP error envelope on the clipboard names</source>
        <translation>Das Runpack öffnen, das die MCP-Fehlerhülle in der Zwischenablage nennt</translation>
    </message>
    <message>
        <source>The clipboard holds no MCP error envelope: no observability.runpack_path in a JSON document</source>
        <translation>Die Zwischenablage enthält keine MCP-Fehlerhülle: kein observability.runpack_path in einem JSON-Dokument</translation>
    </message>
    <message>
        <source>Opened as: %1</source>
        <translation>Geöffnet als: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (last %n min)</source>
        <translation>
            <numerusform>%1 (letzte %n min)</numerusform>
            <numerusform>%1 (letzte %n min)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1 (%2 bis %3)</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (ab %2)</translation>
    </message>
    <message>
        <source>%1 (before %2)</source>
        <translation>%1 (vor %2)</translation>
    </message>
</context>
<context>
    <name>Runlens::OpenRangeDialog</name>
    <message>
        <source>Open a Large Timeline Directory</source>
        <translation>Großes Timeline-Verzeichnis öffnen</translation>
    </message>
    <message>
        <source>%1 holds %2 of timeline lines. Reading all of it takes a while and memory of about half that.

Open only the runs that start in its last hour or day, counted back from its newest line?</source>
        <translation>%1 enthält %2 Timeline-Zeilen. Alles zu lesen dauert eine Weile und braucht Speicher von etwa der Hälfte davon.

Nur die Läufe öffnen, die in seiner letzten Stunde oder seinem letzten Tag beginnen, gezählt von seiner neuesten Zeile an?</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Ask for directories &amp;over:</source>
        <translation>Nachfragen bei Verzeichnissen &amp;über:</translation>
    </message>
    <message>
        <source>Last &amp;Hour</source>
        <translation>Letzte &amp;Stunde</translation>
    </message>
    <message>
        <source>Last &amp;Day</source>
        <translation>Letzter &amp;Tag</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Alles</translation>
    </message>
</context>
<context>
    <name>Runlens::OutputFile</name>
    <message>
        <source>no output file given</source>
        <translation>keine Ausgabedatei angegeben</translation>
    </message>
    <message>
        <source>%1: no such directory</source>
        <translation>%1: kein solches Verzeichnis</translation>
    </message>
    <message>
        <source>refusing to write %1: events-*.jsonl is a timeline file name, and this output is no timeline</source>
        <translation>%1 wird nicht geschrieben: events-*.jsonl ist ein Name für Timeline-Dateien, und diese Ausgabe ist keine Timeline</translation>
    </message>
    <message>
        <source>refusing to write %1: it is %2, an input of this command</source>
        <translation>%1 wird nicht geschrieben: Es ist %2, eine Eingabe dieses Befehls</translation>
    </message>
    <message>
        <source>refusing to write %1: it is a directory</source>
        <translation>%1 wird nicht geschrieben: Es ist ein Verzeichnis</translation>
    </message>
    <message>
        <source>refusing to write %1: it is a device, FIFO or socket, not a regular file</source>
        <translation>%1 wird nicht geschrieben: Es ist ein Gerät, ein FIFO oder ein Socket, keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1 exists; use --force to replace it</source>
        <translation>%1 existiert bereits; zum Ersetzen --force verwenden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Runlens::PackContentsView</name>
    <message>
        <source>Search keys and values</source>
        <translation>Schlüssel und Werte durchsuchen</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>Input summary</source>
        <translation>Eingabeübersicht</translation>
    </message>
    <message>
        <source>%1 is not valid JSON at byte %2: %3. Shown as text.</source>
        <translation>%1 ist an Byte %2 kein gültiges JSON: %3. Als Text angezeigt.</translation>
    </message>
    <message>
        <source>Describes this pack&apos;s run (%1).</source>
        <translation>Beschreibt den Lauf dieses Runpacks (%1).</translation>
    </message>
    <message>
        <source>Describes another run: session %1, run %2, not this pack&apos;s run %3.</source>
        <translation>Beschreibt einen anderen Lauf: Sitzung %1, Lauf %2, nicht den Lauf %3 dieses Runpacks.</translation>
    </message>
</context>
<context>
    <name>Runlens::PackWriter</name>
    <message>
        <source>no run of session %1 in %2</source>
        <translation>kein Lauf der Sitzung %1 in %2</translation>
    </message>
    <message>
        <source>no run %1 of session %2 in %3</source>
        <translation>kein Lauf %1 der Sitzung %2 in %3</translation>
    </message>
    <message>
        <source>cannot read the run&apos;s lines again: %1</source>
        <translation>die Zeilen des Laufs können nicht erneut gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Runlens::PictureActions</name>
    <message>
        <source>&amp;Copy as Image</source>
        <translation>Als Bild &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Save as PNG or SVG…</source>
        <translation>Als PNG oder SVG &amp;speichern…</translation>
    </message>
    <message>
        <source>Put a picture of what this shows on the clipboard, for a ticket</source>
        <translation>Ein Bild dessen, was hier zu sehen ist, in die Zwischenablage legen, für ein Ticket</translation>
    </message>
    <message>
        <source>Save a picture of what this shows as PNG or SVG</source>
        <translation>Ein Bild dessen, was hier zu sehen ist, als PNG oder SVG speichern</translation>
    </message>
</context>
<context>
    <name>Runlens::ProblemsModel</name>
    <message>
        <source>%1
Run %2</source>
        <translation>%1
Lauf %2</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Versatz</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Member of the pack, or file of the timeline directory</source>
        <translation>Eintrag des Runpacks oder Datei des Timeline-Verzeichnisses</translation>
    </message>
    <message>
        <source>1-based line; empty when the file is not line-oriented</source>
        <translation>Zeile, ab 1 gezählt; leer, wenn die Datei nicht zeilenorientiert ist</translation>
    </message>
    <message>
        <source>Byte offset from the start of the file</source>
        <translation>Byte-Versatz ab dem Dateianfang</translation>
    </message>
    <message>
        <source>Stable id of the problem, for rules and scripts</source>
        <translation>Stabile Kennung des Problems, für Regeln und Skripte</translation>
    </message>
</context>
<context>
    <name>Runlens::ProblemsView</name>
    <message>
        <source>Filter problems (file, message, code)</source>
        <translation>Probleme filtern (Datei, Meldung, Code)</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message>
        <source>%1, %2 in %3</source>
        <translation>%1, %2 in %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln Fehler</numerusform>
            <numerusform>%Ln Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln Warnung</numerusform>
            <numerusform>%Ln Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln Datei</numerusform>
            <numerusform>%Ln Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln shown)</source>
        <translation>
            <numerusform>%1 (%Ln angezeigt)</numerusform>
            <numerusform>%1 (%Ln angezeigt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::RegeneratePackDialog</name>
    <message>
        <source>&amp;Redact query texts, absolute paths, host names and secrets</source>
        <translation>Abfragetexte, absolute Pfade, Hostnamen und Geheimnisse &amp;schwärzen</translation>
    </message>
    <message>
        <source>Regenerate Pack</source>
        <translation>Runpack neu erzeugen</translation>
    </message>
    <message>
        <source>This run (%1)</source>
        <translation>Dieser Lauf (%1)</translation>
    </message>
    <message>
        <source>Every run of session %1</source>
        <translation>Alle Läufe der Sitzung %1</translation>
    </message>
    <message>
        <source>Written to meta.json; empty writes null</source>
        <translation>Wird in meta.json geschrieben; leer schreibt null</translation>
    </message>
    <message>
        <source>Upstream (codeintel/runpack@v1)</source>
        <translation>Upstream (codeintel/runpack@v1)</translation>
    </message>
    <message>
        <source>Seed plan</source>
        <translation>Seed-Plan</translation>
    </message>
    <message>
        <source>Placeholders are stable; redactions.json lists them with their category, never the original values</source>
        <translation>Platzhalter sind stabil; redactions.json führt sie mit ihrer Kategorie auf, niemals mit den Originalwerten</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Write Pack</source>
        <translation>&amp;Runpack schreiben</translation>
    </message>
    <message>
        <source>&amp;Runs:</source>
        <translation>&amp;Läufe:</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>La&amp;yout:</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>&amp;Ausgabe:</translation>
    </message>
    <message>
        <source>Write Pack To</source>
        <translation>Runpack schreiben nach</translation>
    </message>
    <message>
        <source>Runpacks (*.zip)</source>
        <translation>Runpacks (*.zip)</translation>
    </message>
    <message>
        <source>Choose where to write the pack.</source>
        <translation>Wählen Sie, wohin das Runpack geschrieben werden soll.</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
</context>
<context>
    <name>Runlens::Report</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Source: %1 (%2%3)
</source>
        <translation>Quelle: %1 (%2%3)
</translation>
    </message>
    <message>
        <source>Run %1 / %2  %3  %4  %5
</source>
        <translation>Lauf %1 / %2  %3  %4  %5
</translation>
    </message>
    <message>
        <source>(no tool)</source>
        <translation>(kein Tool)</translation>
    </message>
    <message>
        <source>  stop reason: %1
</source>
        <translation>  Abbruchgrund: %1
</translation>
    </message>
    <message>
        <source>Problems (%1):
</source>
        <translation>Probleme (%1):
</translation>
    </message>
    <message>
        <source># Runlens report: `%1`
</source>
        <translation># Runlens-Bericht: `%1`
</translation>
    </message>
    <message>
        <source>- Tool: %1
- Status: %2
- Duration: %3
</source>
        <translation>- Tool: %1
- Status: %2
- Dauer: %3
</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <source>- Stop reason: %1
</source>
        <translation>- Abbruchgrund: %1
</translation>
    </message>
    <message>
        <source>
| Stage | Status | Duration | Reason |
|---|---|---|---|
</source>
        <translation>
| Stufe | Status | Dauer | Grund |
|---|---|---|---|
</translation>
    </message>
    <message>
        <source>
**Hints**

</source>
        <translation>
**Hinweise**

</translation>
    </message>
    <message>
        <source>
## Problems

</source>
        <translation>
## Probleme

</translation>
    </message>
    <message>
        <source>Opened as: %1
</source>
        <translation>Geöffnet als: %1
</translation>
    </message>
    <message>
        <source>
Opened as: %1
</source>
        <translation>
Geöffnet als: %1
</translation>
    </message>
</context>
<context>
    <name>Runlens::RootCause</name>
    <message>
        <source>%1 started at +%2 ms and never ended</source>
        <translation>%1 begann bei +%2 ms und endete nie</translation>
    </message>
</context>
<context>
    <name>Runlens::RootCauseBanner</name>
    <message>
        <source>Failed outside any stage</source>
        <translation>Fehlgeschlagen außerhalb jeder Stufe</translation>
    </message>
    <message>
        <source>Failed at %1</source>
        <translation>Fehlgeschlagen bei %1</translation>
    </message>
    <message>
        <source>Cut off</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cut off in %1</source>
        <translation>Abgebrochen in %1</translation>
    </message>
    <message>
        <source>Complete, degraded</source>
        <translation>Vollständig, eingeschränkt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>%1 in progress</source>
        <translation>%1 läuft</translation>
    </message>
    <message>
        <source>Background run (%1): no tool scope</source>
        <translation>Hintergrundlauf (%1): kein Werkzeugbereich</translation>
    </message>
    <message>
        <source>first error: %1</source>
        <translation>erster Fehler: %1</translation>
    </message>
    <message>
        <source>Complete in %1</source>
        <translation>Vollständig in %1</translation>
    </message>
    <message>
        <source>stopped after %1</source>
        <translation>nach %1 angehalten</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <source>never ran: %1</source>
        <translation>nie gelaufen: %1</translation>
    </message>
</context>
<context>
    <name>Runlens::Rules</name>
    <message>
        <source>%1 timeline lines could not be read and were skipped.</source>
        <translation>%1 Timeline-Zeilen konnten nicht gelesen werden und wurden übersprungen.</translation>
    </message>
    <message>
        <source>The run was cut off: its tool operation never ended.</source>
        <translation>Der Lauf wurde abgebrochen: Seine Tool-Operation wurde nie beendet.</translation>
    </message>
    <message>
        <source>the tool&apos;s operation.start mcp.tool:* has no matching operation.end</source>
        <translation>zum operation.start mcp.tool:* des Tools kein passendes operation.end existiert</translation>
    </message>
    <message>
        <source>the run has no tool operation</source>
        <translation>der Lauf hat keine Tool-Operation</translation>
    </message>
    <message>
        <source>the tool operation ended with status %1</source>
        <translation>die Tool-Operation endete mit Status %1</translation>
    </message>
    <message>
        <source>before the first stage</source>
        <translation>noch keine Stufe</translation>
    </message>
    <message>
        <source>last line</source>
        <translation>letzte Zeile</translation>
    </message>
    <message>
        <source>The run was cut off after %1: its tool operation never ended.</source>
        <translation>Der Lauf wurde abgebrochen (zuletzt erreicht: %1): Seine Tool-Operation wurde nie beendet.</translation>
    </message>
    <message>
        <source>Stage %1 failed: %2</source>
        <translation>Stufe %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>a stage cell is Failed; the earliest one is reported with its error</source>
        <translation>eine Stufenzelle den Status Fehlgeschlagen hat; die früheste wird mit ihrem Fehler gemeldet</translation>
    </message>
    <message>
        <source>no stage is Failed</source>
        <translation>keine Stufe hat den Status Fehlgeschlagen</translation>
    </message>
    <message>
        <source>The tool failed outside any stage: %1</source>
        <translation>Das Tool ist außerhalb jeder Stufe fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the tool operation ended in error and no stage is Failed</source>
        <translation>die Tool-Operation mit einem Fehler endete und keine Stufe den Status Fehlgeschlagen hat</translation>
    </message>
    <message>
        <source>the run status is %1</source>
        <translation>der Laufstatus ist %1</translation>
    </message>
    <message>
        <source>a stage failed; stage:failed reports it</source>
        <translation>eine Stufe ist fehlgeschlagen; stage:failed meldet das</translation>
    </message>
    <message>
        <source>the run has no channel rows</source>
        <translation>der Lauf hat keine Kanalzeilen</translation>
    </message>
    <message>
        <source>channels: %1</source>
        <translation>Kanäle: %1</translation>
    </message>
    <message>
        <source>Stage %1 took %2, %3% of the run.</source>
        <translation>Stufe %1 dauerte %2, %3 % des Laufs.</translation>
    </message>
    <message>
        <source>a stage takes at least slowStageShare (60%) of the run&apos;s duration and at least slowStageMinMs (250 ms)</source>
        <translation>eine Stufe mindestens slowStageShare (60 %) der Laufdauer und mindestens slowStageMinMs (250 ms) beansprucht</translation>
    </message>
    <message>
        <source>the run has no duration</source>
        <translation>der Lauf hat keine Dauer</translation>
    </message>
    <message>
        <source>the longest stage, %1, took %2 of %3</source>
        <translation>die längste Stufe, %1, dauerte %2 von %3</translation>
    </message>
    <message>
        <source>no stage has a duration</source>
        <translation>keine Stufe hat eine Dauer</translation>
    </message>
    <message>
        <source>Scope %1 took %2, over its budget of %3.</source>
        <translation>Scope %1 dauerte %2 und überschritt damit sein Budget von %3.</translation>
    </message>
    <message>
        <source>a scope whose start line carries budget.ms ended after more than budget.ms</source>
        <translation>ein Scope, dessen Startzeile budget.ms trägt, erst nach mehr als budget.ms endete</translation>
    </message>
    <message>
        <source>no scope carries budget.ms</source>
        <translation>kein Scope trägt budget.ms</translation>
    </message>
    <message>
        <source>%1 budgeted scopes, all within budget</source>
        <translation>%1 Scopes mit Budget, alle innerhalb des Budgets</translation>
    </message>
    <message>
        <source>The search returned nothing: %1.</source>
        <translation>Die Suche lieferte nichts: %1.</translation>
    </message>
    <message>
        <source>hybrid.fuse.result documents is 0, or hydration.end / duckdb.hydrate.end returned 0 rows</source>
        <translation>hybrid.fuse.result documents 0 ist oder hydration.end / duckdb.hydrate.end 0 Zeilen lieferte</translation>
    </message>
    <message>
        <source>fusion produced 0 documents</source>
        <translation>die Fusion ergab 0 Dokumente</translation>
    </message>
    <message>
        <source>hydration returned 0 rows</source>
        <translation>die Hydration lieferte 0 Zeilen</translation>
    </message>
    <message>
        <source>fusion and hydration returned results (or did not run)</source>
        <translation>Fusion und Hydration lieferten Ergebnisse (oder liefen nicht)</translation>
    </message>
    <message>
        <source>Hydration could not find %1 of the requested documents in the catalog.</source>
        <translation>Die Hydration fand %1 der angeforderten Dokumente nicht im Katalog.</translation>
    </message>
    <message>
        <source>hydration.end or duckdb.hydrate.end reports missing &gt; 0</source>
        <translation>hydration.end oder duckdb.hydrate.end missing &gt; 0 meldet</translation>
    </message>
    <message>
        <source>no hydration end reports missing &gt; 0</source>
        <translation>kein Hydration-Ende meldet missing &gt; 0</translation>
    </message>
    <message>
        <source>A fallback was taken: %1.</source>
        <translation>Es wurde auf einen Fallback ausgewichen: %1.</translation>
    </message>
    <message>
        <source>a line carries fallback.reason, or warn.degraded true</source>
        <translation>eine Zeile fallback.reason oder warn.degraded true trägt</translation>
    </message>
    <message>
        <source>no line carries fallback.reason or warn.degraded</source>
        <translation>keine Zeile trägt fallback.reason oder warn.degraded</translation>
    </message>
    <message>
        <source>The secondary FAISS index was not searched: %1.</source>
        <translation>Der sekundäre FAISS-Index wurde nicht durchsucht: %1.</translation>
    </message>
    <message>
        <source>a decision retrieval.gating.secondary says should_run false</source>
        <translation>eine Entscheidung retrieval.gating.secondary should_run false angibt</translation>
    </message>
    <message>
        <source>no retrieval.gating.secondary decision</source>
        <translation>keine Entscheidung retrieval.gating.secondary</translation>
    </message>
    <message>
        <source>the secondary index gate said should_run true</source>
        <translation>das Gate des sekundären Index ergab should_run true</translation>
    </message>
    <message>
        <source>Scope end lines without a start: %1. Timeline lines were lost (rotation collision?).</source>
        <translation>Scope-Endzeilen ohne Start: %1. Timeline-Zeilen gingen verloren (Rotationskollision?).</translation>
    </message>
    <message>
        <source>the run has scope end lines without a matching start (orphan ends)</source>
        <translation>der Lauf Scope-Endzeilen ohne passenden Start hat (verwaiste Enden)</translation>
    </message>
    <message>
        <source>every end line has its start</source>
        <translation>jede Endzeile hat ihren Start</translation>
    </message>
    <message>
        <source>Scopes that never ended inside a run that did: %1.</source>
        <translation>Scopes, die nie endeten, obwohl ihr Lauf endete: %1.</translation>
    </message>
    <message>
        <source>a scope other than the tool operation has no end line, while the run is not cut off</source>
        <translation>ein Scope außer der Tool-Operation keine Endzeile hat, während der Lauf nicht abgebrochen ist</translation>
    </message>
    <message>
        <source>the run is cut off; run:cut-off reports it</source>
        <translation>der Lauf ist abgebrochen; run:cut-off meldet das</translation>
    </message>
    <message>
        <source>every scope has its end line</source>
        <translation>jeder Scope hat seine Endzeile</translation>
    </message>
    <message>
        <source>Backward clock jumps inside this run&apos;s lines: %1.</source>
        <translation>Rückwärtssprünge der Uhr in den Zeilen dieses Laufs: %1.</translation>
    </message>
    <message>
        <source>in one file, a line of the run has a ts more than 1 s earlier than the line written before it</source>
        <translation>in einer Datei eine Zeile des Laufs einen ts hat, der mehr als 1 s vor dem der zuvor geschriebenen Zeile liegt</translation>
    </message>
    <message>
        <source>ts never goes back by more than 1 s in file order</source>
        <translation>ts springt in Dateireihenfolge nie um mehr als 1 s zurück</translation>
    </message>
    <message>
        <source>Channel %1 is switched off by configuration (%2).</source>
        <translation>Kanal %1 ist per Konfiguration abgeschaltet (%2).</translation>
    </message>
    <message>
        <source>a channel row is Skipped with reason disabled</source>
        <translation>eine Kanalzeile den Status Übersprungen mit dem Grund disabled hat</translation>
    </message>
    <message>
        <source>Channel %1 was skipped: %2.</source>
        <translation>Kanal %1 wurde übersprungen: %2.</translation>
    </message>
    <message>
        <source>a channel row is Skipped for a missing capability (capability_off, with the missing list)</source>
        <translation>eine Kanalzeile wegen einer fehlenden Fähigkeit den Status Übersprungen hat (capability_off, mit der Liste missing)</translation>
    </message>
    <message>
        <source>Channel %1 failed and the pipeline went on without it: %2.</source>
        <translation>Kanal %1 ist fehlgeschlagen, und die Pipeline lief ohne ihn weiter: %2.</translation>
    </message>
    <message>
        <source>a channel row is Degraded (a channel.skip with an error reason, or a failure the run survived)</source>
        <translation>eine Kanalzeile den Status Eingeschränkt hat (ein channel.skip mit Fehlergrund oder ein Fehler, den der Lauf überstanden hat)</translation>
    </message>
    <message>
        <source>checkpoint %1 ok (#%2 of %3)</source>
        <translation>Checkpoint %1 ok (#%2 von %3)</translation>
    </message>
    <message>
        <source>budgets from %1</source>
        <translation>Budgets aus %1</translation>
    </message>
    <message>
        <source>ops_coverage.fuse is true and nothing hydrated (ops_coverage.hydrate false and no catalog.hydrate checkpoint that completed)</source>
        <translation>ops_coverage.fuse ist true und nichts wurde hydriert (ops_coverage.hydrate false und kein abgeschlossener catalog.hydrate-Checkpoint)</translation>
    </message>
    <message>
        <source>ops_coverage.fuse is false</source>
        <translation>ops_coverage.fuse ist false</translation>
    </message>
    <message>
        <source>ops_coverage.hydrate is true</source>
        <translation>ops_coverage.hydrate ist true</translation>
    </message>
    <message>
        <source>catalog.hydrate completed (%1), which counts as hydration</source>
        <translation>catalog.hydrate wurde abgeschlossen (%1), das zählt als Hydrierung</translation>
    </message>
    <message>
        <source>catalog.hydrate ran (%1); upstream&apos;s ops_coverage ignores catalog.hydrate</source>
        <translation>catalog.hydrate lief (%1); das ops_coverage von Upstream übergeht catalog.hydrate</translation>
    </message>
    <message>
        <source>budgets.rm3_enabled is truthy and ops_coverage.sparse is false</source>
        <translation>budgets.rm3_enabled einen wahren Wert hat und ops_coverage.sparse false ist</translation>
    </message>
    <message>
        <source>budgets.rm3_enabled is %1</source>
        <translation>budgets.rm3_enabled ist %1</translation>
    </message>
    <message>
        <source>ops_coverage.sparse is true</source>
        <translation>ops_coverage.sparse ist true</translation>
    </message>
    <message>
        <source>the first search.embed/coderank.embed stage has an int attr batch (or batch_size) between 1 and 3; real checkpoints carry vllm.batch_size instead, so this rule is silent on real data</source>
        <translation>die erste search.embed/coderank.embed-Stufe ein int-Attribut batch (oder batch_size) zwischen 1 und 3 hat; echte Checkpoints tragen stattdessen vllm.batch_size, daher schweigt diese Regel bei echten Daten</translation>
    </message>
    <message>
        <source>no search.embed or coderank.embed stage</source>
        <translation>keine Stufe search.embed oder coderank.embed</translation>
    </message>
    <message>
        <source>stage %1 has no int batch or batch_size (batch is %2)</source>
        <translation>Stufe %1 hat kein int-Attribut batch oder batch_size (batch ist %2)</translation>
    </message>
    <message>
        <source>batch is %1, not between 1 and 3</source>
        <translation>batch ist %1, nicht zwischen 1 und 3</translation>
    </message>
    <message>
        <source>the first search.embed/coderank.embed stage has attr mode equal to &quot;http&quot;, ignoring case</source>
        <translation>die erste search.embed/coderank.embed-Stufe das Attribut mode gleich &quot;http&quot; hat, ohne Beachtung der Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <source>stage %1 has mode %2 (vllm.mode is not read)</source>
        <translation>Stufe %1 hat mode %2 (vllm.mode wird nicht gelesen)</translation>
    </message>
    <message>
        <source>the first search.faiss stage has gpu_ready (or faiss.gpu when gpu_ready is absent) exactly false</source>
        <translation>die erste search.faiss-Stufe gpu_ready (oder faiss.gpu, wenn gpu_ready fehlt) genau false hat</translation>
    </message>
    <message>
        <source>no search.faiss stage</source>
        <translation>keine Stufe search.faiss</translation>
    </message>
    <message>
        <source>gpu_ready/faiss.gpu is %1</source>
        <translation>gpu_ready/faiss.gpu ist %1</translation>
    </message>
    <message>
        <source>budgets.ambiguity_score (or ambiguity) &gt; 0.3 and budgets.rrf_k &lt; 50, both numbers</source>
        <translation>budgets.ambiguity_score (oder ambiguity) &gt; 0.3 und budgets.rrf_k &lt; 50 ist, beide als Zahlen</translation>
    </message>
    <message>
        <source>ambiguity is %1, not above 0.3</source>
        <translation>ambiguity ist %1, nicht über 0.3</translation>
    </message>
    <message>
        <source>rrf_k is %1, not below 50</source>
        <translation>rrf_k ist %1, nicht unter 50</translation>
    </message>
</context>
<context>
    <name>Runlens::Run</name>
    <message>
        <source>Not reached</source>
        <translation>Nicht erreicht</translation>
    </message>
    <message>
        <source>Ran</source>
        <translation>Gelaufen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Eingeschränkt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>no such line in %1</source>
        <translation>keine solche Zeile in %1</translation>
    </message>
    <message>
        <source>%1 changed since it was read (truncated, rewritten or copied over): line %2 is no longer there</source>
        <translation>%1 hat sich seit dem Lesen geändert (gekürzt, neu geschrieben oder überschrieben): Zeile %2 ist nicht mehr vorhanden</translation>
    </message>
</context>
<context>
    <name>Runlens::RunBuilder</name>
    <message>
        <source>%1 &quot;%2&quot; has no matching start</source>
        <translation>%1 &quot;%2&quot; hat keinen passenden Start</translation>
    </message>
    <message>
        <source>%1 scope &quot;%2&quot; started at %3 has no end line</source>
        <translation>%1-Scope &quot;%2&quot;, gestartet um %3, hat keine Endzeile</translation>
    </message>
    <message>
        <source>FAISS ran on CPU (faiss.gpu false)</source>
        <translation>FAISS lief auf der CPU (faiss.gpu false)</translation>
    </message>
    <message>
        <source>interrupted: started at %1, no end line</source>
        <translation>unterbrochen: gestartet um %1, keine Endzeile</translation>
    </message>
    <message>
        <source>FAISS ran on CPU (use_gpu false)</source>
        <translation>FAISS lief auf der CPU (use_gpu false)</translation>
    </message>
    <message>
        <source>runtime cell %1 failed to initialise%2</source>
        <translation>Laufzeitzelle %1 konnte nicht initialisiert werden%2</translation>
    </message>
    <message>
        <source>FAISS GPU not ready; ran on CPU</source>
        <translation>FAISS-GPU nicht bereit; lief auf der CPU</translation>
    </message>
    <message>
        <source>running: started at %1, no end line yet</source>
        <translation>läuft: gestartet um %1, noch keine Endzeile</translation>
    </message>
    <message>
        <source>cut off before the first stage</source>
        <translation>vor der ersten Stufe abgebrochen</translation>
    </message>
    <message>
        <source>cut off after %1</source>
        <translation>nach %1 abgebrochen</translation>
    </message>
    <message>
        <source>clock went backwards by %1 s</source>
        <translation>Uhr lief um %1 s rückwärts</translation>
    </message>
    <message numerus="yes">
        <source>%n further problems of this run not listed</source>
        <translation>
            <numerusform>%n weiteres Problem dieses Laufs nicht aufgeführt</numerusform>
            <numerusform>%n weitere Probleme dieses Laufs nicht aufgeführt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::RunDiff</name>
    <message>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>no tool</source>
        <translation>kein Tool</translation>
    </message>
    <message>
        <source>stop reason: %1</source>
        <translation>Abbruchgrund: %1</translation>
    </message>
    <message>
        <source>Hints only in A</source>
        <translation>Hinweise nur in A</translation>
    </message>
    <message>
        <source>Hints only in B</source>
        <translation>Hinweise nur in B</translation>
    </message>
    <message>
        <source>Same stages and hints.</source>
        <translation>Gleiche Stufen und Hinweise.</translation>
    </message>
    <message>
        <source>Stages or hints differ.</source>
        <translation>Stufen oder Hinweise unterscheiden sich.</translation>
    </message>
    <message>
        <source>Stages (* changed):</source>
        <translation>Stufen (* geändert):</translation>
    </message>
    <message>
        <source>%1, settings that differ: %2</source>
        <translation>%1, abweichende Einstellungen: %2</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Fakten</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Duration change</source>
        <translation>Änderung der Dauer</translation>
    </message>
    <message>
        <source>A reason</source>
        <translation>Grund A</translation>
    </message>
    <message>
        <source>B reason</source>
        <translation>Grund B</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>No setting differs.</source>
        <translation>Keine Einstellung weicht ab.</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no run with a tool scope in %1</source>
        <translation>kein Lauf mit Tool-Scope in %1</translation>
    </message>
    <message>
        <source>no run %1 with a tool scope in %2</source>
        <translation>kein Lauf %1 mit Tool-Scope in %2</translation>
    </message>
</context>
<context>
    <name>Runlens::RunListModel</name>
    <message>
        <source>%1N</source>
        <translation>%1N</translation>
    </message>
    <message>
        <source>%1W</source>
        <translation>%1W</translation>
    </message>
    <message>
        <source>%1E</source>
        <translation>%1F</translation>
    </message>
    <message>
        <source>Detectors still running</source>
        <translation>Detektoren laufen noch</translation>
    </message>
    <message>
        <source>No hints</source>
        <translation>Keine Hinweise</translation>
    </message>
    <message>
        <source>Errors: %1, warnings: %2, notes: %3</source>
        <translation>Fehler: %1, Warnungen: %2, Notizen: %3</translation>
    </message>
    <message>
        <source>Suppressed: %1</source>
        <translation>Unterdrückt: %1</translation>
    </message>
    <message>
        <source>1 run</source>
        <translation>1 Lauf</translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Worst status of the session&apos;s runs (%1)</source>
        <translation>Schlechtester Status der Läufe der Sitzung (%1)</translation>
    </message>
    <message>
        <source>Sum of the durations of the session&apos;s runs</source>
        <translation>Summe der Dauern der Läufe der Sitzung</translation>
    </message>
    <message>
        <source>Session %1, run %2</source>
        <translation>Sitzung %1, Lauf %2</translation>
    </message>
    <message>
        <source>No tool scope: a background run</source>
        <translation>Kein Tool-Scope: ein Hintergrundlauf</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Tool</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Hints</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Session id, and the run ids below it</source>
        <translation>Sitzungs-ID und darunter die Lauf-IDs</translation>
    </message>
    <message>
        <source>Active hints by severity: E errors, W warnings, N notes</source>
        <translation>Aktive Hinweise nach Schweregrad: F Fehler, W Warnungen, N Notizen</translation>
    </message>
    <message>
        <source>Timeline lines of the run</source>
        <translation>Timeline-Zeilen des Laufs</translation>
    </message>
    <message>
        <source>Problems found in the run: orphan ends, unclosed scopes, clock going back</source>
        <translation>Im Lauf gefundene Probleme: verwaiste Enden, nicht geschlossene Scopes, rückwärts laufende Uhr</translation>
    </message>
    <message>
        <source>Disputed: %1</source>
        <translation>Bestritten: %1</translation>
    </message>
</context>
<context>
    <name>Runlens::RunLoader</name>
    <message numerus="yes">
        <source>the runs of the last %n minutes before its newest line: from %1 on</source>
        <translation>
            <numerusform>die Läufe der letzten Minute vor seiner neuesten Zeile: ab %1</numerusform>
            <numerusform>die Läufe der letzten %n Minuten vor seiner neuesten Zeile: ab %1</numerusform>
        </translation>
    </message>
    <message>
        <source>the runs that start from %1 on</source>
        <translation>die Läufe, die ab %1 beginnen</translation>
    </message>
    <message>
        <source>the runs that start before %1</source>
        <translation>die Läufe, die vor %1 beginnen</translation>
    </message>
    <message>
        <source>the runs that start from %1 to %2</source>
        <translation>die Läufe, die von %1 bis %2 beginnen</translation>
    </message>
</context>
<context>
    <name>Runlens::RunStatus</name>
    <message>
        <source>Complete</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cut off</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
</context>
<context>
    <name>Runlens::SeverityBadge</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Notiz</numerusform>
            <numerusform>%n Notizen</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message numerus="yes">
        <source>%n suppressed</source>
        <translation>
            <numerusform>%n unterdrückt</numerusform>
            <numerusform>%n unterdrückt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disputed</source>
        <translation>
            <numerusform>%n bestritten</numerusform>
            <numerusform>%n bestritten</numerusform>
        </translation>
    </message>
    <message>
        <source>Hints of the current run by severity; suppressed and disputed hints are not counted in the severities</source>
        <translation>Hinweise des aktuellen Laufs nach Schweregrad; unterdrückte und bestrittene Hinweise zählen bei den Schweregraden nicht mit</translation>
    </message>
</context>
<context>
    <name>Runlens::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Buttons</source>
        <translation>Schaltflächen</translation>
    </message>
</context>
<context>
    <name>Runlens::SourceReader</name>
    <message numerus="yes">
        <source>%n stored hints without a &quot;kind&quot; skipped</source>
        <translation>
            <numerusform>%n gespeicherter Hinweis ohne &quot;kind&quot; übersprungen</numerusform>
            <numerusform>%n gespeicherte Hinweise ohne &quot;kind&quot; übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>invalid UTF-8 replaced with U+FFFD</source>
        <translation>ungültiges UTF-8 durch U+FFFD ersetzt</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>member refused: %1</source>
        <translation>Eintrag abgelehnt: %1</translation>
    </message>
    <message>
        <source>unknown member, shown as is</source>
        <translation>unbekannter Eintrag, unverändert angezeigt</translation>
    </message>
    <message>
        <source>missing: the pack has no meta.json</source>
        <translation>fehlt: Das Runpack hat keine meta.json</translation>
    </message>
    <message>
        <source>neither an upstream nor a seed-plan runpack; showing what is there</source>
        <translation>weder ein Upstream- noch ein Seed-Plan-Runpack; es wird angezeigt, was vorhanden ist</translation>
    </message>
    <message>
        <source>the producer could not build a timeline (timeline_unavailable)</source>
        <translation>der Erzeuger konnte keine Timeline erstellen (timeline_unavailable)</translation>
    </message>
    <message>
        <source>no events-*.jsonl files in this directory</source>
        <translation>keine events-*.jsonl-Dateien in diesem Verzeichnis</translation>
    </message>
    <message>
        <source>cannot read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>not a timeline: no line is a timeline event (line %1: %2)</source>
        <translation>keine Timeline: Keine Zeile ist ein Timeline-Ereignis (Zeile %1: %2)</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>non-finite numbers (NaN, Infinity, -Infinity) read as Python reads them</source>
        <translation>nicht endliche Zahlen (NaN, Infinity, -Infinity) gelesen, wie Python sie liest</translation>
    </message>
    <message>
        <source>per-run report of run %1 (session %2), rendered when the tool&apos;s operation ended: without the lines written after it</source>
        <translation>Lauf-Bericht von Lauf %1 (Sitzung %2), erstellt beim Ende der Operation des Werkzeugs: ohne die danach geschriebenen Zeilen</translation>
    </message>
    <message>
        <source>a latest report pointer to run %1 (session %2): its report %3 is not on this machine, nor beside the pointer</source>
        <translation>ein Verweis auf den letzten Bericht (Lauf %1, Sitzung %2): sein Bericht %3 liegt nicht auf diesem Rechner und nicht neben dem Verweis</translation>
    </message>
    <message>
        <source>a latest report pointer: %1 is not a per-run report</source>
        <translation>ein Verweis auf den letzten Bericht: %1 ist kein Lauf-Bericht</translation>
    </message>
    <message>
        <source>latest report pointer %1: the report rendered last by that server process, run %2 of session %3 (it may be another run than the one you look at)</source>
        <translation>Verweis auf den letzten Bericht %1: der zuletzt von diesem Serverprozess erstellte Bericht, Lauf %2 der Sitzung %3 (womöglich ein anderer Lauf als der, den Sie betrachten)</translation>
    </message>
    <message>
        <source>an MCP error envelope: the runpack it names, %1, is not on this machine, nor beside the envelope</source>
        <translation>eine MCP-Fehlerhülle: das genannte Runpack %1 liegt nicht auf diesem Rechner und nicht neben der Hülle</translation>
    </message>
    <message>
        <source>MCP error envelope %1: the runpack it names</source>
        <translation>MCP-Fehlerhülle %1: das darin genannte Runpack</translation>
    </message>
</context>
<context>
    <name>Runlens::SourceView</name>
    <message>
        <source>Reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Filter by session, run or tool (Ctrl+F)</source>
        <translation>Nach Sitzung, Lauf oder Tool filtern (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show only runs with this status</source>
        <translation>Nur Läufe mit diesem Status anzeigen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Show only runs with an active hint of this kind</source>
        <translation>Nur Läufe mit einem aktiven Hinweis dieser Art anzeigen</translation>
    </message>
    <message>
        <source>List every problem found while reading</source>
        <translation>Alle beim Lesen gefundenen Probleme auflisten</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Bericht</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Inhalt</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>&amp;Probleme</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>No runs in %1</source>
        <translation>Keine Läufe in %1</translation>
    </message>
    <message>
        <source>It was read, but holds no timeline line with a session and a run id.</source>
        <translation>Die Quelle wurde gelesen, enthält aber keine Timeline-Zeile mit Sitzungs- und Lauf-ID.</translation>
    </message>
    <message>
        <source>All hint kinds</source>
        <translation>Alle Hinweisarten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Laden abgebrochen</translation>
    </message>
    <message>
        <source>%1 was not read to the end.</source>
        <translation>%1 wurde nicht bis zum Ende gelesen.</translation>
    </message>
    <message>
        <source>Problems of this run (%1):</source>
        <translation>Probleme dieses Laufs (%1):</translation>
    </message>
    <message>
        <source>Runs: %L1</source>
        <translation>Läufe: %L1</translation>
    </message>
    <message>
        <source>Runs: %L1 of %L2</source>
        <translation>Läufe: %L1 von %L2</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message>
        <source>Problems: %L1</source>
        <translation>Probleme: %L1</translation>
    </message>
    <message>
        <source>&amp;Problems (%L1)</source>
        <translation>&amp;Probleme (%L1)</translation>
    </message>
    <message>
        <source>Source: %1 (%2)</source>
        <translation>Quelle: %1 (%2)</translation>
    </message>
    <message>
        <source>Runs: %L1 · Events: %L2 · Read: %3</source>
        <translation>Läufe: %L1 · Ereignisse: %L2 · Gelesen: %3</translation>
    </message>
    <message>
        <source>Problems of the source (%1):</source>
        <translation>Probleme der Quelle (%1):</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>Follow &amp;newest run</source>
        <translation>&amp;Neuesten Lauf verfolgen</translation>
    </message>
    <message>
        <source>Select each new run as its first line arrives</source>
        <translation>Jeden neuen Lauf auswählen, sobald seine erste Zeile eintrifft</translation>
    </message>
    <message>
        <source>P&amp;ause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Freeze the view; reading goes on and catches up on resume</source>
        <translation>Die Ansicht einfrieren; das Lesen läuft weiter und holt beim Fortsetzen auf</translation>
    </message>
    <message>
        <source>Paused: %1 · %L2 lines shown, %L3 read</source>
        <translation>Pausiert: %1 · %L2 Zeilen angezeigt, %L3 gelesen</translation>
    </message>
    <message>
        <source>Following %1: waiting for the first line</source>
        <translation>%1 wird verfolgt: Warten auf die erste Zeile</translation>
    </message>
    <message>
        <source>Following %1 · %L2 lines · %L3 lines/s</source>
        <translation>%1 wird verfolgt · %L2 Zeilen · %L3 Zeilen/s</translation>
    </message>
    <message numerus="yes">
        <source>Still reading: the %Ln runs of the files read so far are shown, the last of them perhaps incomplete; hints come when all is read.</source>
        <translation>
            <numerusform>Wird noch gelesen: Der %Ln Lauf der bisher gelesenen Dateien wird gezeigt, vielleicht unvollständig; Hinweise folgen, wenn alles gelesen ist.</numerusform>
            <numerusform>Wird noch gelesen: Die %Ln Läufe der bisher gelesenen Dateien werden gezeigt, der letzte vielleicht unvollständig; Hinweise folgen, wenn alles gelesen ist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading cancelled: only the %Ln runs of the files read before are shown.</source>
        <translation>
            <numerusform>Laden abgebrochen: Nur der %Ln Lauf der zuvor gelesenen Dateien wird gezeigt.</numerusform>
            <numerusform>Laden abgebrochen: Nur die %Ln Läufe der zuvor gelesenen Dateien werden gezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Opened as: %1</source>
        <translation>Geöffnet als: %1</translation>
    </message>
    <message>
        <source>&amp;Keep:</source>
        <translation>&amp;Behalten:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>all runs</source>
        <translation>alle Läufe</translation>
    </message>
    <message>
        <source>Settled runs whose last line is older than this leave memory, so that a long follow stays flat; open the directory to see them again. 0 keeps all runs.</source>
        <translation>Abgeschlossene Läufe, deren letzte Zeile älter ist, verlassen den Speicher, damit ein langes Verfolgen flach bleibt; öffnen Sie das Verzeichnis, um sie wieder zu sehen. 0 behält alle Läufe.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln older runs let go</source>
        <translation>
            <numerusform>%Ln älterer Lauf freigegeben</numerusform>
            <numerusform>%Ln ältere Läufe freigegeben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::SpanStyle</name>
    <message numerus="yes">
        <source>%n more attribute(s)</source>
        <translation>
            <numerusform>%n weiteres Attribut</numerusform>
            <numerusform>%n weitere Attribute</numerusform>
        </translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>unclosed</source>
        <translation>nicht geschlossen</translation>
    </message>
    <message>
        <source>other status</source>
        <translation>anderer Status</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Dauer: %1</translation>
    </message>
    <message>
        <source>Start: %1 after run start</source>
        <translation>Start: %1 nach Laufstart</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Meldung: %1</translation>
    </message>
    <message>
        <source>At: %1 after run start</source>
        <translation>Zeitpunkt: %1 nach Laufstart</translation>
    </message>
</context>
<context>
    <name>Runlens::SpanTreeModel</name>
    <message>
        <source>%1  [%2]</source>
        <translation>%1  [%2]</translation>
    </message>
    <message>
        <source>With the %1 of the same name inside it (%2, %3)</source>
        <translation>Mit dem gleichnamigen %1 darin (%2, %3)</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Stufe: %1</translation>
    </message>
    <message>
        <source>On the critical path: it ends last among its siblings</source>
        <translation>Auf dem kritischen Pfad: endet als letzter unter seinen Geschwistern</translation>
    </message>
    <message numerus="yes">
        <source>%n point event(s) on this row</source>
        <translation>
            <numerusform>%n Punktereignis in dieser Zeile</numerusform>
            <numerusform>%n Punktereignisse in dieser Zeile</numerusform>
        </translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Runlens::StageGridModel</name>
    <message>
        <source>%1 (known upstream instrumentation bug: FAISS itself did not fail)</source>
        <translation>%1 (bekannter Instrumentierungsfehler im Upstream: FAISS selbst ist nicht fehlgeschlagen)</translation>
    </message>
    <message>
        <source>(also: %1)</source>
        <translation>(außerdem: %1)</translation>
    </message>
    <message>
        <source>%1 (also: %2)</source>
        <translation>%1 (außerdem: %2)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere Zeile</numerusform>
            <numerusform>… und %n weitere Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, no deciding evidence in this run</source>
        <translation>%1: %2, keine entscheidenden Belege in diesem Lauf</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2: %3 at %4</source>
        <translation>%1, %2: %3 in %4</translation>
    </message>
    <message>
        <source>%1, %2 #%3: %4</source>
        <translation>%1, %2 #%3: %4</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Derived by Runlens from the run&apos;s own evidence, not from upstream&apos;s ops_coverage</source>
        <translation>Von Runlens aus den eigenen Belegen des Laufs abgeleitet, nicht aus ops_coverage des Upstreams</translation>
    </message>
    <message>
        <source>duration_ms of the row&apos;s main scope, or latency_s of its seed stage</source>
        <translation>duration_ms des Haupt-Scopes der Zeile oder latency_s ihrer Seed-Stufe</translation>
    </message>
    <message>
        <source>Skip reason, error message or degradation cause</source>
        <translation>Grund für das Überspringen, Fehlermeldung oder Ursache der Einschränkung</translation>
    </message>
    <message>
        <source>How many facts decided the status; hover a row to read them</source>
        <translation>Wie viele Fakten den Status bestimmt haben; zum Lesen mit der Maus über eine Zeile fahren</translation>
    </message>
    <message>
        <source>n/a for this tool</source>
        <translation>entfällt für dieses Werkzeug</translation>
    </message>
    <message>
        <source>%1 never runs %2</source>
        <translation>%1 führt %2 nie aus</translation>
    </message>
</context>
<context>
    <name>Runlens::StageGridView</name>
    <message>
        <source>No run selected.</source>
        <translation>Kein Lauf ausgewählt.</translation>
    </message>
    <message>
        <source>No stage grid: this run has no tool scope (startup, cli or warm-up).</source>
        <translation>Kein Stufenraster: Dieser Lauf hat keinen Tool-Scope (Startvorgang, CLI oder Warm-up).</translation>
    </message>
    <message>
        <source>No stage evidence in this run.</source>
        <translation>Keine Stufenbelege in diesem Lauf.</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>berechnet</translation>
    </message>
    <message>
        <source>Upstream&apos;s ops_coverage as stored in the run report.</source>
        <translation>ops_coverage des Upstreams, wie im Laufbericht gespeichert.</translation>
    </message>
    <message>
        <source>The source stored no ops_coverage; Runlens computed it from the checkpoints with upstream&apos;s rule.</source>
        <translation>Die Quelle enthielt kein ops_coverage; Runlens hat es mit der Regel des Upstreams aus den Checkpoints berechnet.</translation>
    </message>
    <message>
        <source>It is upstream&apos;s own flag, not evidence, and the grid below ignores it: a failed checkpoint counts as covered, and gather ignores retrieval.gather, so it is false whenever both sparse channels are off.</source>
        <translation>Es ist das eigene Flag des Upstreams, kein Beleg, und das Raster darunter ignoriert es: Ein fehlgeschlagener Checkpoint zählt als abgedeckt, und gather ignoriert retrieval.gather, daher ist es false, sobald beide sparse-Kanäle abgeschaltet sind.</translation>
    </message>
    <message>
        <source>%1: covered</source>
        <translation>%1: abgedeckt</translation>
    </message>
    <message>
        <source>%1: not covered</source>
        <translation>%1: nicht abgedeckt</translation>
    </message>
    <message>
        <source>%1 (upstream; %2)</source>
        <translation>%1 (upstream; %2)</translation>
    </message>
    <message>
        <source>%1 ran</source>
        <translation>%1 lief</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 schlug fehl</translation>
    </message>
    <message>
        <source>Trace: %1</source>
        <translation>Trace: %1</translation>
    </message>
    <message>
        <source>The OpenTelemetry trace id upstream recorded for this run; the Chrome trace and OTLP exports use it.</source>
        <translation>Die OpenTelemetry-Trace-ID, die Upstream für diesen Lauf aufgezeichnet hat; die Exporte als Chrome-Trace und OTLP verwenden sie.</translation>
    </message>
    <message>
        <source>Trace: none</source>
        <translation>Trace: keiner</translation>
    </message>
    <message>
        <source>Upstream recorded no trace for this run (its trace_id is empty or the run id). The OTLP export uses the id %1, derived from the session and run ids, the same on every export.</source>
        <translation>Upstream hat für diesen Lauf keinen Trace aufgezeichnet (seine trace_id ist leer oder die Lauf-ID). Der OTLP-Export verwendet die ID %1, abgeleitet aus Sitzungs- und Lauf-ID, bei jedem Export dieselbe.</translation>
    </message>
</context>
<context>
    <name>Runlens::SummaryExport</name>
    <message>
        <source> (suppressed)</source>
        <translation> (unterdrückt)</translation>
    </message>
    <message>
        <source> (disputed: %1)</source>
        <translation> (bestritten: %1)</translation>
    </message>
    <message>
        <source># Runlens summary: `%1`

</source>
        <translation># Runlens-Zusammenfassung: `%1`

</translation>
    </message>
    <message>
        <source>| Session | Run | Tool | Status | Severity | Kind | Message | Why |
|---|---|---|---|---|---|---|---|
</source>
        <translation>| Sitzung | Lauf | Tool | Status | Schweregrad | Art | Meldung | Warum |
|---|---|---|---|---|---|---|---|
</translation>
    </message>
    <message>
        <source>| | | | | | | No hints. | |
</source>
        <translation>| | | | | | | Keine Hinweise. | |
</translation>
    </message>
    <message>
        <source>
Disputed (stored by upstream, contradicted by the run&apos;s own lines; not counted):

| Session | Run | Kind | Message | Why disputed |
|---|---|---|---|---|
</source>
        <translation>
Bestritten (von Upstream gespeichert, von den eigenen Zeilen des Laufs widerlegt; nicht gezählt):

| Sitzung | Lauf | Art | Meldung | Warum bestritten |
|---|---|---|---|---|
</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>no tool</source>
        <translation>kein Tool</translation>
    </message>
    <message>
        <source>, stop reason: %1</source>
        <translation>, Abbruchgrund: %1</translation>
    </message>
    <message>
        <source>No stage grid (no tool scope).
</source>
        <translation>Kein Stufenraster (kein Tool-Scope).
</translation>
    </message>
    <message>
        <source>| Stage | Status | Duration | Reason |
|---|---|---|---|
</source>
        <translation>| Stufe | Status | Dauer | Grund |
|---|---|---|---|
</translation>
    </message>
    <message>
        <source>Runlens summary</source>
        <translation>Runlens-Zusammenfassung</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>No hints.</source>
        <translation>Keine Hinweise.</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>unclosed</source>
        <translation>nicht geschlossen</translation>
    </message>
    <message>
        <source>other</source>
        <translation>anderer</translation>
    </message>
    <message>
        <source>Trace: spans by start, time from run start</source>
        <translation>Trace: Spans nach Start, Zeit ab Laufstart</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1  [%2]</source>
        <translation>%1  [%2]</translation>
    </message>
    <message>
        <source>%1 %2: %3 (%4)</source>
        <translation>%1 %2: %3 (%4)</translation>
    </message>
    <message>
        <source>with the %1 of the same name inside it</source>
        <translation>mit dem gleichnamigen %1 darin</translation>
    </message>
    <message>
        <source>on the critical path</source>
        <translation>auf dem kritischen Pfad</translation>
    </message>
    <message numerus="yes">
        <source>%n more row(s) not shown</source>
        <translation>
            <numerusform>%n weitere Zeile nicht angezeigt</numerusform>
            <numerusform>%n weitere Zeilen nicht angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::Suppressions</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 4 MiB</source>
        <translation>%1 ist größer als 4 MiB</translation>
    </message>
    <message>
        <source>expected &quot;kind [session-or-run-glob]&quot;, line ignored</source>
        <translation>&quot;kind [session-or-run-glob]&quot; erwartet, Zeile ignoriert</translation>
    </message>
</context>
<context>
    <name>Runlens::Synth</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot rename %1 to %2</source>
        <translation>%1 kann nicht in %2 umbenannt werden</translation>
    </message>
    <message>
        <source>events and sessions must be positive, files zero or more</source>
        <translation>Ereignisse und Sitzungen müssen positiv sein, Dateien null oder mehr</translation>
    </message>
    <message>
        <source>cannot create directory %1</source>
        <translation>Verzeichnis %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>%1 already holds timeline files; use --force to replace them</source>
        <translation>%1 enthält bereits Timeline-Dateien; mit --force werden sie ersetzt</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>Runlens::TimeWindow</name>
    <message>
        <source>&quot;%1&quot; is not a time</source>
        <translation>„%1“ ist keine Zeitangabe</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither ISO 8601 (2026-11-24T10:00:00Z) nor epoch seconds</source>
        <translation>„%1“ ist weder ISO 8601 (2026-11-24T10:00:00Z) noch Sekunden seit der Epoche</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no time zone: add Z or an offset such as +01:00</source>
        <translation>„%1“ hat keine Zeitzone: Z oder einen Versatz wie +01:00 anhängen</translation>
    </message>
</context>
<context>
    <name>Runlens::TimelineReader</name>
    <message>
        <source>byte order mark skipped</source>
        <translation>Byte-Order-Mark übersprungen</translation>
    </message>
    <message>
        <source>CRLF line endings</source>
        <translation>CRLF-Zeilenenden</translation>
    </message>
    <message>
        <source>blank line skipped</source>
        <translation>Leerzeile übersprungen</translation>
    </message>
    <message>
        <source>truncated last line (%1 bytes, no line break): %2</source>
        <translation>abgeschnittene letzte Zeile (%1 Bytes, kein Zeilenumbruch): %2</translation>
    </message>
    <message>
        <source>line skipped: %1</source>
        <translation>Zeile übersprungen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n lines</source>
        <translation>
            <numerusform>%1: %n Zeile</numerusform>
            <numerusform>%1: %n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n further problems in this file not listed</source>
        <translation>
            <numerusform>%n weiteres Problem in dieser Datei nicht aufgeführt</numerusform>
            <numerusform>%n weitere Probleme in dieser Datei nicht aufgeführt</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>line skipped: %1 bytes is longer than the limit of %2 bytes</source>
        <translation>Zeile übersprungen: %1 Bytes überschreiten die Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>%1 of %2 files read</source>
        <translation>%1 von %2 Dateien gelesen</translation>
    </message>
</context>
<context>
    <name>Runlens::TimelineTailer</name>
    <message numerus="yes">
        <source>file deleted with %n unread bytes; their lines are lost</source>
        <translation>
            <numerusform>Datei mit %n ungelesenem Byte gelöscht; die zugehörigen Zeilen sind verloren</numerusform>
            <numerusform>Datei mit %n ungelesenen Bytes gelöscht; die zugehörigen Zeilen sind verloren</numerusform>
        </translation>
    </message>
    <message>
        <source>file truncated; reading it again from the start</source>
        <translation>Datei gekürzt; sie wird erneut von Anfang an gelesen</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>more than %n problems in this file; further ones are not listed</source>
        <translation>
            <numerusform>mehr als %n Problem in dieser Datei; weitere werden nicht aufgeführt</numerusform>
            <numerusform>mehr als %n Probleme in dieser Datei; weitere werden nicht aufgeführt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>rotated segment overwritten with %n unread bytes; their lines are lost</source>
        <translation>
            <numerusform>rotiertes Segment mit %n ungelesenem Byte überschrieben; die zugehörigen Zeilen sind verloren</numerusform>
            <numerusform>rotiertes Segment mit %n ungelesenen Bytes überschrieben; die zugehörigen Zeilen sind verloren</numerusform>
        </translation>
    </message>
    <message>
        <source>line longer than %1 bytes without a line break; skipped to the next line break</source>
        <translation>Zeile länger als %1 Bytes ohne Zeilenumbruch; bis zum nächsten Zeilenumbruch übersprungen</translation>
    </message>
</context>
<context>
    <name>Runlens::TraceBars</name>
    <message>
        <source>This run has no scopes</source>
        <translation>Dieser Lauf hat keine Scopes</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Runlens::TraceOverview</name>
    <message>
        <source>Overview of the whole run; drag the window to pan, the wheel zooms</source>
        <translation>Übersicht über den ganzen Lauf; das Fenster ziehen zum Verschieben, das Mausrad zoomt</translation>
    </message>
    <message>
        <source>No scopes and no events</source>
        <translation>Keine Scopes und keine Ereignisse</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) share this pixel; zoom in to tell them apart</source>
        <translation>
            <numerusform>%n Span teilt sich dieses Pixel; zum Unterscheiden hineinzoomen</numerusform>
            <numerusform>%n Spans teilen sich dieses Pixel; zum Unterscheiden hineinzoomen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Runlens::TraceView</name>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>unclosed</source>
        <translation>nicht geschlossen</translation>
    </message>
    <message>
        <source>other status</source>
        <translation>anderer Status</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>zusammengefasst</translation>
    </message>
    <message>
        <source>critical path</source>
        <translation>kritischer Pfad</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>error event</source>
        <translation>Fehlerereignis</translation>
    </message>
    <message>
        <source>Started but never ended (the run was cut off)</source>
        <translation>Begonnen, aber nie beendet (der Lauf brach ab)</translation>
    </message>
    <message>
        <source>In the overview: several spans narrower than a pixel; zoom in to tell them apart</source>
        <translation>In der Übersicht: mehrere Spans schmaler als ein Pixel; zum Unterscheiden hineinzoomen</translation>
    </message>
    <message>
        <source>The chain of spans that decides when the run ends: from the tool&apos;s span, the child that ends last</source>
        <translation>Die Kette von Spans, die bestimmt, wann der Lauf endet: vom Span des Tools aus jeweils das Kind, das zuletzt endet</translation>
    </message>
    <message>
        <source>A point event, on the row of the innermost span open at it</source>
        <translation>Ein Punktereignis, in der Zeile des innersten Spans, der dabei offen war</translation>
    </message>
    <message>
        <source>Keys: W S A D, Z, R</source>
        <translation>Tasten: W S A D, Z, R</translation>
    </message>
    <message>
        <source>W / S or the wheel: zoom in / out around the cursor
A / D, Shift+wheel or drag: pan
Z or F, or double-click a row: zoom to the selection
Right-drag or Ctrl+drag: zoom to the dragged range
R or Ctrl+0: show the whole run
Overview: drag the window to pan, drag elsewhere to pick a range, double-click for the whole run</source>
        <translation>W / S oder Mausrad: um den Mauszeiger hinein- / herauszoomen
A / D, Umschalt+Mausrad oder Ziehen: verschieben
Z oder F oder Doppelklick auf eine Zeile: auf die Auswahl zoomen
Mit rechter Maustaste oder Ctrl+Ziehen: auf den gezogenen Bereich zoomen
R oder Ctrl+0: den ganzen Lauf anzeigen
Übersicht: das Fenster ziehen zum Verschieben, anderswo ziehen für einen Bereich, Doppelklick für den ganzen Lauf</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Show the whole run (R or Ctrl+0)</source>
        <translation>Den ganzen Lauf anzeigen (R oder Ctrl+0)</translation>
    </message>
</context>
<context>
    <name>Runlens::Triage</name>
    <message>
        <source>no run: %1</source>
        <translation>kein Lauf: %1</translation>
    </message>
    <message>
        <source>no run: the pack holds no timeline events and no run report</source>
        <translation>kein Lauf: das Paket enthält weder Timeline-Ereignisse noch einen Laufbericht</translation>
    </message>
    <message>
        <source>no run: no timeline lines</source>
        <translation>kein Lauf: keine Timeline-Zeilen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Tool</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stop reason</source>
        <translation>Abbruchgrund</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Stage reached</source>
        <translation>Erreichte Stufe</translation>
    </message>
    <message>
        <source>Hints</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Hint kind</source>
        <translation>Hinweisart</translation>
    </message>
    <message>
        <source>Failing stage</source>
        <translation>Fehlgeschlagene Stufe</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <source>(no run)</source>
        <translation>(kein Lauf)</translation>
    </message>
    <message>
        <source>(no hints)</source>
        <translation>(keine Hinweise)</translation>
    </message>
    <message>
        <source>Runs: %1</source>
        <translation>Läufe: %1</translation>
    </message>
    <message>
        <source>Runs per group: %1</source>
        <translation>Läufe pro Gruppe: %1</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
</context>
<context>
    <name>Runlens::TriageModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%L2)</source>
        <translation>%1 (%L2)</translation>
    </message>
    <message>
        <source>%L1 runs</source>
        <translation>%L1 Läufe</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Group / source</source>
        <translation>Gruppe / Quelle</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Tool</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stop reason</source>
        <translation>Abbruchgrund</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Stage reached</source>
        <translation>Erreichte Stufe</translation>
    </message>
    <message>
        <source>Hints</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Disputed: %1</source>
        <translation>Bestritten: %1</translation>
    </message>
    <message>
        <source>Disputed %1: %2 (%3)</source>
        <translation>Bestritten %1: %2 (%3)</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>Kein Lauf</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1
Session: %2
Run: %3</source>
        <translation>%1
Sitzung: %2
Lauf: %3</translation>
    </message>
</context>
<context>
    <name>Runlens::TriagePreview</name>
    <message>
        <source>Hint</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Select a run to see its stage grid and hints here.</source>
        <translation>Einen Lauf auswählen, um hier sein Stufenraster und seine Hinweise zu sehen.</translation>
    </message>
    <message>
        <source>%1 holds no run: %2</source>
        <translation>%1 enthält keinen Lauf: %2</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 · session %2 · run %3</source>
        <translation>%1 · Sitzung %2 · Lauf %3</translation>
    </message>
    <message>
        <source>%1 (suppressed)</source>
        <translation>%1 (unterdrückt)</translation>
    </message>
    <message>
        <source>%1 (disputed)</source>
        <translation>%1 (bestritten)</translation>
    </message>
    <message>
        <source>No hints.</source>
        <translation>Keine Hinweise.</translation>
    </message>
</context>
<context>
    <name>Runlens::TriageView</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Filter by file, session, run, tool, status, stop reason, stage or hint</source>
        <translation>Nach Datei, Sitzung, Lauf, Tool, Status, Abbruchgrund, Stufe oder Hinweis filtern</translation>
    </message>
    <message>
        <source>Group the runs, with a count per group</source>
        <translation>Die Läufe gruppieren, mit einer Anzahl pro Gruppe</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>Keine Gruppierung</translation>
    </message>
    <message>
        <source>Group by hint kind</source>
        <translation>Nach Hinweisart gruppieren</translation>
    </message>
    <message>
        <source>Group by stop reason</source>
        <translation>Nach Abbruchgrund gruppieren</translation>
    </message>
    <message>
        <source>Group by tool</source>
        <translation>Nach Tool gruppieren</translation>
    </message>
    <message>
        <source>Group by failing stage</source>
        <translation>Nach fehlgeschlagener Stufe gruppieren</translation>
    </message>
    <message>
        <source>Compare the two selected runs side by side (Ctrl+D)</source>
        <translation>Die zwei ausgewählten Läufe nebeneinander vergleichen (Ctrl+D)</translation>
    </message>
    <message>
        <source>%v of %m inputs</source>
        <translation>%v von %m Eingaben</translation>
    </message>
    <message>
        <source>Runs: %L1</source>
        <translation>Läufe: %L1</translation>
    </message>
    <message>
        <source> in %L1 groups</source>
        <translation> in %L1 Gruppen</translation>
    </message>
    <message>
        <source> · inputs without a run: %L1</source>
        <translation> · Eingaben ohne Lauf: %L1</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Gruppe: %1</translation>
    </message>
</context>
<context>
    <name>Runlens::ZipArchive</name>
    <message>
        <source>cannot read a zip archive from a sequential device</source>
        <translation>aus einem sequenziellen Gerät kann kein Zip-Archiv gelesen werden</translation>
    </message>
    <message>
        <source>no zip archive given</source>
        <translation>kein Zip-Archiv angegeben</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>not a readable zip archive (QuaZip error %1)</source>
        <translation>kein lesbares Zip-Archiv (QuaZip-Fehler %1)</translation>
    </message>
    <message>
        <source>no buffer to read %1 into</source>
        <translation>kein Puffer, in den %1 gelesen werden kann</translation>
    </message>
    <message>
        <source>the archive is not open</source>
        <translation>das Archiv ist nicht geöffnet</translation>
    </message>
    <message>
        <source>no readable member %1 in the archive</source>
        <translation>kein lesbarer Eintrag %1 im Archiv</translation>
    </message>
    <message>
        <source>cannot locate %1 (QuaZip error %2)</source>
        <translation>%1 kann nicht gefunden werden (QuaZip-Fehler %2)</translation>
    </message>
    <message>
        <source>cannot open member %1 (QuaZip error %2)</source>
        <translation>Eintrag %1 kann nicht geöffnet werden (QuaZip-Fehler %2)</translation>
    </message>
    <message>
        <source>cannot decompress member %1 (QuaZip error %2)</source>
        <translation>Eintrag %1 kann nicht dekomprimiert werden (QuaZip-Fehler %2)</translation>
    </message>
    <message>
        <source>member %1 decompresses to more than its declared %2 bytes</source>
        <translation>Eintrag %1 ergibt dekomprimiert mehr als die angegebenen %2 Bytes</translation>
    </message>
    <message>
        <source>member %1 is corrupt: CRC mismatch</source>
        <translation>Eintrag %1 ist beschädigt: CRC stimmt nicht überein</translation>
    </message>
    <message>
        <source>cannot read member %1 (QuaZip error %2)</source>
        <translation>Eintrag %1 kann nicht gelesen werden (QuaZip-Fehler %2)</translation>
    </message>
    <message>
        <source>member %1 holds %2 bytes but declares %3</source>
        <translation>Eintrag %1 enthält %2 Bytes, gibt aber %3 an</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>no buffer to write the zip archive into</source>
        <translation>kein Puffer, in den das Zip-Archiv geschrieben werden kann</translation>
    </message>
    <message>
        <source>refusing unsafe member name %1</source>
        <translation>unsicherer Eintragsname %1 wird abgelehnt</translation>
    </message>
    <message>
        <source>duplicate member name %1</source>
        <translation>doppelter Eintragsname %1</translation>
    </message>
    <message>
        <source>cannot create a zip archive (QuaZip error %1)</source>
        <translation>Zip-Archiv kann nicht erstellt werden (QuaZip-Fehler %1)</translation>
    </message>
    <message>
        <source>cannot add %1 to the zip archive (QuaZip error %2)</source>
        <translation>%1 kann nicht zum Zip-Archiv hinzugefügt werden (QuaZip-Fehler %2)</translation>
    </message>
    <message>
        <source>cannot compress %1 (QuaZip error %2)</source>
        <translation>%1 kann nicht komprimiert werden (QuaZip-Fehler %2)</translation>
    </message>
    <message>
        <source>cannot finish the zip archive (QuaZip error %1)</source>
        <translation>Zip-Archiv kann nicht abgeschlossen werden (QuaZip-Fehler %1)</translation>
    </message>
    <message>
        <source>encrypted member</source>
        <translation>verschlüsselter Eintrag</translation>
    </message>
    <message>
        <source>unsupported compression method %1</source>
        <translation>nicht unterstützte Kompressionsmethode %1</translation>
    </message>
    <message>
        <source>declared size %1 bytes exceeds the limit of %2 bytes</source>
        <translation>angegebene Größe von %1 Bytes überschreitet die Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>stored member declares %1 compressed but %2 uncompressed bytes</source>
        <translation>unkomprimiert gespeicherter Eintrag gibt %1 komprimierte, aber %2 unkomprimierte Bytes an</translation>
    </message>
    <message>
        <source>compression ratio %1 exceeds the limit of %2 (possible zip bomb)</source>
        <translation>Kompressionsverhältnis %1 überschreitet die Grenze von %2 (mögliche Zip-Bombe)</translation>
    </message>
    <message>
        <source>the archive has %1 entries, more than the limit of %2</source>
        <translation>das Archiv hat %1 Einträge, mehr als die Grenze von %2</translation>
    </message>
    <message>
        <source>not a readable zip archive: damaged central directory (QuaZip error %1)</source>
        <translation>kein lesbares Zip-Archiv: beschädigtes zentrales Verzeichnis (QuaZip-Fehler %1)</translation>
    </message>
    <message>
        <source>the archive has more than %1 entries</source>
        <translation>das Archiv hat mehr als %1 Einträge</translation>
    </message>
    <message>
        <source>not a readable zip archive: damaged central directory entry %1 (QuaZip error %2)</source>
        <translation>kein lesbares Zip-Archiv: beschädigter Eintrag %1 im zentralen Verzeichnis (QuaZip-Fehler %2)</translation>
    </message>
    <message>
        <source>unsafe member name</source>
        <translation>unsicherer Eintragsname</translation>
    </message>
    <message>
        <source>duplicate member</source>
        <translation>doppelter Eintrag</translation>
    </message>
    <message>
        <source>the archive declares more than %1 uncompressed bytes in total</source>
        <translation>das Archiv gibt insgesamt mehr als %1 unkomprimierte Bytes an</translation>
    </message>
    <message>
        <source>cannot read the zip archive: %1</source>
        <translation>das Zip-Archiv kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>runlens: cannot write %1</source>
        <translation>runlens: %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>runlens: cannot open %1: %2</source>
        <translation>runlens: %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Runlens: forensics viewer for runpacks and JSONL timelines.</source>
        <translation>Runlens: Forensik-Viewer für Runpacks und JSONL-Timelines.</translation>
    </message>
    <message>
        <source>Load PATH, save the window as a PNG to FILE, exit.</source>
        <translation>PATH laden, das Fenster als PNG in FILE speichern, beenden.</translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1280x800).</source>
        <translation>Fenstergröße für --screenshot (Standard 1280x800).</translation>
    </message>
    <message>
        <source>Runpack zips, timeline directories or .jsonl files to open.</source>
        <translation>Runpack-Zips, Timeline-Verzeichnisse oder .jsonl-Dateien zum Öffnen.</translation>
    </message>
    <message>
        <source>runlens: --size wants WIDTHxHEIGHT, like 1280x800, not &quot;%1&quot;</source>
        <translation>runlens: --size erwartet WIDTHxHEIGHT, etwa 1280x800, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>User interface language, like de or en (default: the system&apos;s).</source>
        <translation>Sprache der Benutzeroberfläche, etwa de oder en (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>Colour theme: light, dark or system (default).</source>
        <translation>Farbschema: light, dark oder system (Standard).</translation>
    </message>
    <message>
        <source>Follow timeline directory DIR while the server writes it.</source>
        <translation>Timeline-Verzeichnis DIR verfolgen, während der Server hineinschreibt.</translation>
    </message>
    <message>
        <source>Open the PATHs (runpacks, folders of them, timelines) as one triage board.</source>
        <translation>Die PATHs (Runpacks, Ordner davon, Timelines) als eine gemeinsame Triage-Übersicht öffnen.</translation>
    </message>
    <message>
        <source>Compare the first runs of the two PATHs side by side.</source>
        <translation>Die jeweils ersten Läufe der beiden PATHs nebeneinander vergleichen.</translation>
    </message>
    <message>
        <source>runlens: --theme wants light, dark or system, not &quot;%1&quot;</source>
        <translation>runlens: --theme erwartet light, dark oder system, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>runlens: --screenshot takes exactly one PATH or --follow DIR</source>
        <translation>runlens: --screenshot erwartet genau einen PATH oder --follow DIR</translation>
    </message>
    <message>
        <source>runlens: --compare takes exactly two PATHs</source>
        <translation>runlens: --compare erwartet genau zwei PATHs</translation>
    </message>
    <message>
        <source>runlens: nothing to grab for --view: the source shows no run</source>
        <translation>runlens: nichts für --view aufzunehmen: die Quelle zeigt keinen Lauf</translation>
    </message>
    <message>
        <source>What --screenshot saves of the window laid out at --size: window (default), grid, waterfall or hints.</source>
        <translation>Was --screenshot vom auf --size ausgelegten Fenster speichert: window (Standard), grid, waterfall oder hints.</translation>
    </message>
    <message>
        <source>runlens: --view wants window, grid, waterfall or hints, not &quot;%1&quot;</source>
        <translation>runlens: --view erwartet window, grid, waterfall oder hints, nicht „%1“</translation>
    </message>
    <message>
        <source>runlens: --view grid, waterfall and hints take one PATH or --follow DIR, not a board or compare</source>
        <translation>runlens: --view grid, waterfall und hints nehmen einen PATH oder --follow DIR, kein Board und keinen Vergleich</translation>
    </message>
    <message>
        <source>Only the runs of the timelines that start at or after TIME: ISO 8601 with a zone (2026-11-24T10:00:00Z) or epoch seconds. A directory shows its whole activity above them.</source>
        <translation>Nur die Läufe der Timelines, die ab TIME beginnen: ISO 8601 mit Zone (2026-11-24T10:00:00Z) oder Epochensekunden. Ein Verzeichnis zeigt darüber seine ganze Aktivität.</translation>
    </message>
    <message>
        <source>Only the runs of the timelines that start before TIME (as --since).</source>
        <translation>Nur die Läufe der Timelines, die vor TIME beginnen (wie --since).</translation>
    </message>
    <message>
        <source>runlens: --since must come before --until</source>
        <translation>runlens: --since muss vor --until liegen</translation>
    </message>
</context>
</TS>
