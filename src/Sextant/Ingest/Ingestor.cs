using System.Collections.Concurrent;
using Sextant.Events;
using Sextant.Ingest.Mapping;
using Sextant.Ingest.Readers;
using Sextant.Ingest.Vendors;
using Sextant.Privacy;
using Sextant.Storage;

namespace Sextant.Ingest;

/// <summary>
/// Reads files into a store through its write port (<see cref="IStoreWriter"/>), never driving a
/// database itself. Every row read ends up inserted, updated, counted as a duplicate,
/// quarantined, filtered out or (strict mode) rolled back. Batches are committed one at a time,
/// so a killed process leaves the store at its last batch and the same command completes the
/// work when run again; in strict mode a file is one batch, rolled back if any row is bad.
/// A CSV file is parsed in blocks on every core (<see cref="CsvBlockPipeline"/>), a JSON-lines
/// file on one thread; records reach the writer's thread in file order either way.
/// </summary>
public sealed partial class Ingestor
{
    private readonly IStoreWriter _store;
    private readonly IngestOptions _options;
    private readonly TimeProvider _clock;
    private readonly StrictDecimal _money;

    /// <summary>Creates an ingestor writing into <paramref name="store"/> (an SQLite store converts, since it implements the port).</summary>
    public Ingestor(IStoreWriter store, IngestOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (options.BatchSize < 1) throw new SextantException($"batch size must be at least 1, got {options.BatchSize}");
        _store = store;
        _options = options;
        _clock = clock;
        _money = new StrictDecimal(options.DecimalComma, options.ThousandsSeparator);
    }

    /// <summary>The quarantine file this ingestor writes bad rows to.</summary>
    public string QuarantinePath => _options.QuarantinePath ?? QuarantineWriter.DefaultPathFor(_store.Location);

    /// <summary>Ingests files in order. Every file is opened and its columns checked before anything is written.</summary>
    /// <exception cref="SextantException">A file cannot be read or its columns cannot make records.</exception>
    public IngestResult Ingest(IReadOnlyList<string> files, IProgress<IngestProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new SextantException("no files to ingest");
        var formats = new IVendorFormat?[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            formats[i] = VendorFormats.Of(files[i], _options.Format);
            if (formats[i] is null)
            {
                using var preflight = SourceRowReader.Open(files[i], _options);
            }
            else
            {
                RefuseColumnOptions(files[i], formats[i]!);
                using var preflight = VendorItemReader.OpenFile(files[i]);
            }
        }

        var importTime = _clock.GetUtcNow();
        var results = new List<IngestFileResult>();
        var privacy = _options.Privacy.NewHook();
        using var quarantine = new QuarantineWriter(QuarantinePath, importTime);
        using var session = _store.OpenSession();
        for (var i = 0; i < files.Count; i++)
        {
            if (formats[i] is { } format)
            {
                using var items = VendorItemReader.OpenFile(files[i]);
                results.Add(new FileRun(this, new RunSource(null, new VendorSource(format, items, Path.GetFullPath(files[i]))), quarantine, session, importTime, i, files.Count, progress, privacy).Execute());
                continue;
            }
            using var reader = SourceRowReader.Open(files[i], _options);
            var run = new FileRun(this, new RunSource(reader, null), quarantine, session, importTime, i, files.Count, progress, privacy);
            results.Add(run.Execute());
        }
        return new IngestResult(results, QuarantinePath) { Scrubbed = privacy is { Scrubs: true } ? privacy.Scrubbed : null };
    }

    /// <summary>
    /// Ingests one record source that is not a file: a vendor API's answer, read as it arrives.
    /// <paramref name="name"/> names it in the ingest log and the quarantine file.
    /// </summary>
    /// <exception cref="SextantException">The source cannot be read to its end.</exception>
    internal IngestResult Ingest(IVendorFormat format, VendorItemReader items, string name, IProgress<IngestProgress>? progress = null)
    {
        var importTime = _clock.GetUtcNow();
        var privacy = _options.Privacy.NewHook();
        using var quarantine = new QuarantineWriter(QuarantinePath, importTime);
        using var session = _store.OpenSession();
        var result = new FileRun(this, new RunSource(null, new VendorSource(format, items, name)), quarantine, session, importTime, 0, 1, progress, privacy).Execute();
        return new IngestResult([result], QuarantinePath) { Scrubbed = privacy is { Scrubs: true } ? privacy.Scrubbed : null };
    }

    /// <summary>A vendor format maps its own fields: options about columns would be ignored, so they are refused.</summary>
    private void RefuseColumnOptions(string file, IVendorFormat format)
    {
        if (_options.Map.Count > 0)
            throw new SextantException($"'{file}': read as a {format.Name} export, whose fields the format maps (docs/CONNECTORS.md); --map applies to CSV and JSON-lines columns: pass --format jsonl or csv to map them yourself");
        if (_options.Kind is { } kind && kind != RecordKind.Events)
            throw new SextantException($"'{file}': read as a {format.Name} export, which holds events and profile updates, not {kind.ToString().ToLowerInvariant()}; pass --format csv or jsonl to read it as {kind.ToString().ToLowerInvariant()}");
    }

    /// <summary>A vendor export being read: its format, its items and the name its run is logged under.</summary>
    private sealed record VendorSource(IVendorFormat Format, VendorItemReader Items, string LogName);

    /// <summary>What a run reads: a canonical file's rows or a vendor source's items.</summary>
    private sealed record RunSource(SourceRowReader? Rows, VendorSource? Vendor)
    {
        public string Path => Rows?.Path ?? Vendor!.Items.Name;

        public string LogName => Rows is not null ? System.IO.Path.GetFullPath(Rows.Path) : Vendor!.LogName;

        public RecordKind Kind => Rows?.Kind ?? RecordKind.Events;

        public long BytesRead => Rows?.BytesRead ?? Vendor!.Items.BytesRead;

        public long TotalBytes => Rows?.TotalBytes ?? Vendor!.Items.TotalBytes;
    }

    /// <summary>The ingest of one file.</summary>
    private sealed partial class FileRun
    {
        private readonly Ingestor _owner;
        private readonly RunSource _source;
        private readonly SourceRowReader _reader;
        private readonly QuarantineWriter _quarantine;
        private readonly IIngestSession _session;
        private readonly RecordParser _parser;
        private readonly int _fileIndex;
        private readonly int _fileCount;
        private readonly IProgress<IngestProgress>? _progress;
        private readonly DateTimeOffset _importTime;
        private readonly RecordPrivacy? _privacy;
        private long _read, _inserted, _updated, _duplicates, _quarantined, _exposures, _filtered, _rolledBack;

        public FileRun(Ingestor owner, RunSource source, QuarantineWriter quarantine, IIngestSession session,
            DateTimeOffset importTime, int fileIndex, int fileCount, IProgress<IngestProgress>? progress, RecordPrivacy? privacy)
        {
            _owner = owner;
            _privacy = privacy;
            _source = source;
            _reader = source.Rows!;
            _quarantine = quarantine;
            _session = session;
            _importTime = importTime;
            _fileIndex = fileIndex;
            _fileCount = fileCount;
            _progress = progress;
            _parser = source.Rows is null ? null! : NewParser();
        }

        public IngestFileResult Execute()
        {
            var strict = _owner._options.Strict;
            var batchSize = _owner._options.BatchSize;
            var runId = _session.StartRun(_owner._options.SourceName ?? _source.LogName, _source.Kind, Timestamp.FromDateTimeOffset(_importTime));
            // Small parts keep parsed records short-lived; a transaction spans batchSize rows.
            using var parts = new BlockingCollection<List<object>>(boundedCapacity: 2);
            var parsing = Task.Run(() =>
            {
                if (_source.Vendor is { } vendor) ParseVendorItems(vendor, parts);
                else if (_reader.Csv is not null) ParseBlocks(parts);
                else ParseParts(parts);
            });
            IIngestBatch? transaction = null;
            var rowsInTransaction = 0L;
            var committed = true;
            try
            {
                foreach (var part in parts.GetConsumingEnumerable())
                {
                    transaction ??= _session.BeginBatch();
                    WritePart(part, runId, transaction);
                    rowsInTransaction += part.Count;
                    if (!strict && rowsInTransaction >= batchSize)
                    {
                        Commit(transaction, runId);
                        transaction = null;
                        rowsInTransaction = 0;
                    }
                }
                parsing.GetAwaiter().GetResult();

                transaction ??= _session.BeginBatch();
                if (strict && _quarantined > 0)
                {
                    _quarantine.Flush();
                    transaction.Rollback();
                    transaction.Dispose();
                    committed = false;
                    // Nothing of the file is stored, so no count may say otherwise: every good row is rolled back.
                    _rolledBack = _inserted + _updated + _duplicates;
                    _inserted = _updated = _duplicates = _exposures = 0;
                }
                else
                {
                    Commit(transaction, runId);
                }
                transaction = null;
            }
            catch
            {
                parts.CompleteAdding();
                transaction?.Rollback();
                throw;
            }
            finally
            {
                transaction?.Dispose();
            }

            _session.FinishRun(runId, Counts(), committed ? IngestRunStatus.Done : IngestRunStatus.RolledBack,
                Timestamp.FromDateTimeOffset(_owner._clock.GetUtcNow()));
            return new IngestFileResult(_source.Path, _source.Kind, _read, _inserted, _updated, _duplicates, _quarantined, _exposures, committed, _filtered, _rolledBack,
                _source.Vendor?.Format.Name ?? _reader.Format);
        }

        /// <summary>Commits a batch with the run's counts so far; bad rows reach the quarantine file before the batch is durable.</summary>
        private void Commit(IIngestBatch batch, long runId)
        {
            batch.RecordProgress(runId, Counts());
            _quarantine.Flush();
            batch.Commit();
            batch.Dispose();
        }

        private IngestRunCounts Counts() =>
            new(Interlocked.Read(ref _read), _inserted, _updated, _duplicates, Interlocked.Read(ref _quarantined));

        /// <summary>
        /// Records a writer takes at a time. Batches commit on whole parts, so the part size fixes
        /// where chunks end: it must not depend on how the file was read.
        /// </summary>
        private const int PartRows = 2048;

        /// <summary>
        /// Parses a CSV file's blocks on worker threads and hands their records on in file order,
        /// in parts of <see cref="PartRows"/>; bad rows go to quarantine with their file line.
        /// </summary>
        private void ParseBlocks(BlockingCollection<List<object>> parts)
        {
            try
            {
                var workers = new ConcurrentBag<BlockWorker>();
                var pipeline = new CsvBlockPipeline(_reader.Csv!, (reader, block) =>
                {
                    var worker = workers.TryTake(out var pooled) ? pooled : new BlockWorker(this);
                    try
                    {
                        worker.ParseRows(reader, block);
                    }
                    finally
                    {
                        workers.Add(worker);
                    }
                }, window: Environment.ProcessorCount + 1, _owner._options.CsvBlockBytes);
                var kindName = _reader.Kind.ToString().ToLowerInvariant();
                var part = new List<object>(PartRows);
                foreach (var block in pipeline.Blocks())
                {
                    foreach (var bad in block.BadRows)
                        _quarantine.Write(QuarantineName, block.LineOf(bad), kindName, bad.Reason, bad.RawText, bad.RawBytes);
                    Interlocked.Add(ref _quarantined, block.BadRows.Count);
                    Interlocked.Add(ref _filtered, block.Filtered);
                    Interlocked.Add(ref _read, block.Read);
                    var records = block.Records;
                    for (var taken = 0; taken < records.Count;)
                    {
                        var count = Math.Min(PartRows - part.Count, records.Count - taken);
                        part.AddRange(records.GetRange(taken, count));
                        taken += count;
                        if (part.Count < PartRows) continue;
                        parts.Add(part);
                        part = new List<object>(PartRows);
                    }
                    Report();
                }
                if (part.Count > 0) parts.Add(part);
                Report();
            }
            finally
            {
                parts.CompleteAdding();
            }
        }

        /// <summary>A block parser's own row and record parser: neither is safe to share between threads.</summary>
        private sealed class BlockWorker(FileRun run)
        {
            private readonly MappedRow _row = new(run._reader.Mapping.Columns.Count);
            private readonly RecordParser _parser = run.NewParser();

            public void ParseRows(CsvRowReader reader, ParsedBlock block)
            {
                while (reader.TryReadRow(out var csvRow))
                {
                    block.Read++;
                    var error = csvRow.Error;
                    if (error is null)
                    {
                        run._reader.MapCsv(csvRow, _row);
                        if (!run.Keeps(_row))
                        {
                            block.Filtered++;
                            continue;
                        }
                    }
                    var record = error is null ? run.Parse(_parser, _row, out error) : null;
                    if (record is null) block.BadRows.Add(new BlockBadRow(csvRow.Line, error ?? "invalid row", csvRow.RawText, csvRow.RawBytes));
                    else block.Records.Add(record);
                }
            }
        }

        /// <summary>The file as the quarantine names it: its path as given, or the options' source name.</summary>
        private string QuarantineName => _owner._options.SourceName ?? _reader.Path;

        private RecordParser NewParser()
        {
            var timeOptions = new TimestampParseOptions(_owner._options.NaiveZone, _owner._options.TimeUnit);
            return new RecordParser(_reader.Mapping, timeOptions, _importTime, _owner._options.DefaultSource ?? _reader.DefaultSource, _owner._money, _privacy);
        }

        /// <summary>Reads and parses rows on one worker thread; bad rows go straight to quarantine.</summary>
        private void ParseParts(BlockingCollection<List<object>> parts)
        {
            try
            {
                var row = new MappedRow(_reader.Mapping.Columns.Count);
                var part = new List<object>(PartRows);
                var kindName = _reader.Kind.ToString().ToLowerInvariant();
                while (_reader.TryRead(row, out var origin))
                {
                    Interlocked.Increment(ref _read);
                    var error = origin.Error;
                    if (error is null && !Keeps(row))
                    {
                        Interlocked.Increment(ref _filtered);
                        continue;
                    }
                    var record = error is null ? Parse(_parser, row, out error) : null;
                    if (record is null)
                    {
                        _quarantine.Write(QuarantineName, origin.Line, kindName, error ?? "invalid row", origin.RawText, origin.RawBytes);
                        Interlocked.Increment(ref _quarantined);
                    }
                    else
                    {
                        part.Add(record);
                    }

                    part = HandOverFull(parts, part);
                }
                if (part.Count > 0) parts.Add(part);
                Report();
            }
            finally
            {
                parts.CompleteAdding();
            }
        }

        /// <summary>Hands a full part to the writer and starts the next; a part not yet full stays.</summary>
        private List<object> HandOverFull(BlockingCollection<List<object>> parts, List<object> part)
        {
            if (part.Count < PartRows) return part;
            parts.Add(part);
            Report();
            return new List<object>(PartRows);
        }

        /// <summary>True when every --where condition holds on the row's source column (mapped or extra).</summary>
        private bool Keeps(MappedRow row)
        {
            foreach (var (column, value) in _owner._options.Where)
            {
                var slot = _reader.Mapping.SlotOf(column);
                string? actual;
                if (slot >= 0) actual = row[slot];
                else
                {
                    actual = null;
                    foreach (var extra in row.Extras)
                        if (extra.Name == column) actual = extra.Text ?? extra.Json?.ToString();
                }
                if (actual != value) return false;
            }
            return true;
        }

        private object? Parse(RecordParser parser, MappedRow row, out string? error) => _reader.Kind switch
        {
            RecordKind.Events => parser.ParseEvent(row, out error),
            RecordKind.Users => parser.ParseUser(row, out error),
            RecordKind.Subscriptions => parser.ParseSubscription(row, out error),
            _ => parser.ParseAssignment(row, out error),
        };

        /// <summary>Appends events (a repeated id is a duplicate) and stores the assignments their exposure events carry.</summary>
        private void WriteEvents(List<EventRecord> events, long runId, IIngestBatch transaction)
        {
            var inserted = transaction.AppendEvents(events, runId);
            _inserted += inserted;
            _duplicates += events.Count - inserted;
            foreach (var exposure in ExposureEvents.ToAssignments(events))
                if (transaction.WriteAssignment(exposure) == WriteOutcome.Inserted) _exposures++;
        }

        private void WritePart(List<object> batch, long runId, IIngestBatch transaction)
        {
            if (_source.Vendor is not null)
            {
                WriteMixedPart(batch, runId, transaction);
                return;
            }
            if (_reader.Kind == RecordKind.Events)
            {
                WriteEvents(batch.Cast<EventRecord>().ToList(), runId, transaction);
                return;
            }

            foreach (var record in batch)
            {
                var outcome = record switch
                {
                    UserProfile user => transaction.WriteUser(user),
                    Subscription subscription => transaction.WriteSubscription(subscription),
                    _ => transaction.WriteAssignment((Assignment)record),
                };
                switch (outcome)
                {
                    case WriteOutcome.Inserted: _inserted++; break;
                    case WriteOutcome.Updated: _updated++; break;
                    default: _duplicates++; break;
                }
            }
        }

        private void Report() => _progress?.Report(new IngestProgress(_source.Path, _fileIndex, _fileCount,
            Interlocked.Read(ref _read), _source.BytesRead, _source.TotalBytes));
    }
}
