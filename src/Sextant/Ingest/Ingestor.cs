using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Sextant.Events;
using Sextant.Ingest.Mapping;
using Sextant.Storage.Sqlite;

namespace Sextant.Ingest;

/// <summary>
/// Reads files into the embedded store. Every row read ends up inserted, updated, counted as a
/// duplicate, quarantined, filtered out or (strict mode) rolled back. Batches are committed one transaction at a time, so a killed
/// process leaves the store at its last batch and the same command completes the work when
/// run again; in strict mode a file is one transaction, rolled back if any row is bad.
/// Parsing runs on one thread and writing on another.
/// </summary>
public sealed class Ingestor
{
    private readonly SqliteStore _store;
    private readonly IngestOptions _options;
    private readonly TimeProvider _clock;
    private readonly StrictDecimal _money;

    /// <summary>Creates an ingestor writing into <paramref name="store"/>.</summary>
    public Ingestor(SqliteStore store, IngestOptions options, TimeProvider clock)
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
    public string QuarantinePath => _options.QuarantinePath ?? QuarantineWriter.DefaultPathFor(_store.Path);

    /// <summary>Ingests files in order. Every file is opened and its columns checked before anything is written.</summary>
    /// <exception cref="SextantException">A file cannot be read or its columns cannot make records.</exception>
    public IngestResult Ingest(IReadOnlyList<string> files, IProgress<IngestProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new SextantException("no files to ingest");
        foreach (var file in files)
        {
            using var preflight = SourceRowReader.Open(file, _options);
        }

        var importTime = _clock.GetUtcNow();
        var results = new List<IngestFileResult>();
        using var quarantine = new QuarantineWriter(QuarantinePath, importTime);
        var dictionaries = new StoreDictionaries(_store.Connection);
        var eventWriter = new SqliteEventWriter(_store.Connection, dictionaries);
        var profileWriter = new SqliteProfileWriter(_store.Connection, dictionaries);
        for (var i = 0; i < files.Count; i++)
        {
            using var reader = SourceRowReader.Open(files[i], _options);
            var run = new FileRun(this, reader, quarantine, dictionaries, eventWriter, profileWriter, importTime, i, files.Count, progress);
            results.Add(run.Execute());
        }
        return new IngestResult(results, QuarantinePath);
    }

    /// <summary>The ingest of one file.</summary>
    private sealed class FileRun
    {
        private readonly Ingestor _owner;
        private readonly SourceRowReader _reader;
        private readonly QuarantineWriter _quarantine;
        private readonly StoreDictionaries _dictionaries;
        private readonly SqliteEventWriter _eventWriter;
        private readonly SqliteProfileWriter _profileWriter;
        private readonly RecordParser _parser;
        private readonly int _fileIndex;
        private readonly int _fileCount;
        private readonly IProgress<IngestProgress>? _progress;
        private readonly DateTimeOffset _importTime;
        private long _read, _inserted, _updated, _duplicates, _quarantined, _exposures, _filtered, _rolledBack;

        public FileRun(Ingestor owner, SourceRowReader reader, QuarantineWriter quarantine, StoreDictionaries dictionaries,
            SqliteEventWriter eventWriter, SqliteProfileWriter profileWriter, DateTimeOffset importTime, int fileIndex, int fileCount,
            IProgress<IngestProgress>? progress)
        {
            _owner = owner;
            _reader = reader;
            _quarantine = quarantine;
            _dictionaries = dictionaries;
            _eventWriter = eventWriter;
            _profileWriter = profileWriter;
            _importTime = importTime;
            _fileIndex = fileIndex;
            _fileCount = fileCount;
            _progress = progress;
            var timeOptions = new TimestampParseOptions(owner._options.NaiveZone, owner._options.TimeUnit);
            _parser = new RecordParser(reader.Mapping, timeOptions, importTime, reader.DefaultSource, owner._money);
        }

        private SqliteConnection Connection => _owner._store.Connection;

        public IngestFileResult Execute()
        {
            var strict = _owner._options.Strict;
            var batchSize = _owner._options.BatchSize;
            var runId = StartRun();
            // Small parts keep parsed records short-lived; a transaction spans batchSize rows.
            using var parts = new BlockingCollection<List<object>>(boundedCapacity: 2);
            var parsing = Task.Run(() => ParseParts(parts));
            SqliteTransaction? transaction = null;
            var rowsInTransaction = 0L;
            var committed = true;
            try
            {
                foreach (var part in parts.GetConsumingEnumerable())
                {
                    transaction ??= Begin();
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

                transaction ??= Begin();
                if (strict && _quarantined > 0)
                {
                    _quarantine.Flush();
                    transaction.Rollback();
                    DiscardPending();
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
                if (transaction is not null)
                {
                    transaction.Rollback();
                    DiscardPending();
                }
                throw;
            }
            finally
            {
                transaction?.Dispose();
            }

            using (var finish = Connection.BeginTransaction())
            {
                UpdateRun(runId, committed ? "done" : "rolled_back", finish, finished: true);
                if (committed) SupersedeInterruptedRuns(runId, finish);
                finish.Commit();
            }
            return new IngestFileResult(_reader.Path, _reader.Kind, _read, _inserted, _updated, _duplicates, _quarantined, _exposures, committed, _filtered, _rolledBack);
        }

        private SqliteTransaction Begin()
        {
            var transaction = Connection.BeginTransaction();
            _dictionaries.Refresh(transaction);
            return transaction;
        }

        private void Commit(SqliteTransaction transaction, long runId)
        {
            _eventWriter.Finish(transaction);
            _dictionaries.Flush(transaction);
            UpdateRun(runId, "running", transaction);
            _quarantine.Flush();
            transaction.Commit();
            transaction.Dispose();
            _dictionaries.Accept();
        }

        private void DiscardPending()
        {
            _dictionaries.Discard();
            _eventWriter.Discard();
        }

        /// <summary>Reads and parses rows on a worker thread; bad rows go straight to quarantine.</summary>
        private void ParseParts(BlockingCollection<List<object>> parts)
        {
            const int PartRows = 2048;
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
                    var record = error is null ? Parse(row, out error) : null;
                    if (record is null)
                    {
                        _quarantine.Write(_reader.Path, origin.Line, kindName, error ?? "invalid row", origin.RawText, origin.RawBytes);
                        Interlocked.Increment(ref _quarantined);
                    }
                    else
                    {
                        part.Add(record);
                    }

                    if (part.Count >= PartRows)
                    {
                        parts.Add(part);
                        part = new List<object>(PartRows);
                        Report();
                    }
                }
                if (part.Count > 0) parts.Add(part);
                Report();
            }
            finally
            {
                parts.CompleteAdding();
            }
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

        private object? Parse(MappedRow row, out string? error) => _reader.Kind switch
        {
            RecordKind.Events => _parser.ParseEvent(row, out error),
            RecordKind.Users => _parser.ParseUser(row, out error),
            RecordKind.Subscriptions => _parser.ParseSubscription(row, out error),
            _ => _parser.ParseAssignment(row, out error),
        };

        private void WritePart(List<object> batch, long runId, SqliteTransaction transaction)
        {
            if (_reader.Kind == RecordKind.Events)
            {
                var events = batch.Cast<EventRecord>();
                var inserted = _eventWriter.Add(events, runId, transaction);
                _inserted += inserted;
                _duplicates += batch.Count - inserted;
                foreach (var exposure in ExposureEvents.ToAssignments(events))
                    if (_profileWriter.WriteAssignment(exposure, transaction) == WriteOutcome.Inserted) _exposures++;
                return;
            }

            foreach (var record in batch)
            {
                var outcome = record switch
                {
                    UserProfile user => _profileWriter.WriteUser(user, transaction),
                    Subscription subscription => _profileWriter.WriteSubscription(subscription, transaction),
                    _ => _profileWriter.WriteAssignment((Assignment)record, transaction),
                };
                switch (outcome)
                {
                    case WriteOutcome.Inserted: _inserted++; break;
                    case WriteOutcome.Updated: _updated++; break;
                    default: _duplicates++; break;
                }
            }
        }

        private void Report() => _progress?.Report(new IngestProgress(_reader.Path, _fileIndex, _fileCount,
            Interlocked.Read(ref _read), _reader.BytesRead, _reader.TotalBytes));

        private long StartRun()
        {
            using var transaction = Connection.BeginTransaction();
            using var command = Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO ingest_runs(file, kind, started_at, status) VALUES ($file, $kind, $started, 'running');
                SELECT last_insert_rowid();
                """;
            command.Parameters.AddWithValue("$file", Path.GetFullPath(_reader.Path));
            command.Parameters.AddWithValue("$kind", _reader.Kind.ToString().ToLowerInvariant());
            command.Parameters.AddWithValue("$started", Timestamp.FromDateTimeOffset(_importTime).UnixMicroseconds);
            var run = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            transaction.Commit();
            return run;
        }

        /// <summary>A completed run of a file completes the interrupted runs of the same file before it.</summary>
        private void SupersedeInterruptedRuns(long runId, SqliteTransaction transaction)
        {
            using var command = Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE ingest_runs SET status = 'superseded' WHERE file = $file AND status = 'running' AND run < $run";
            command.Parameters.AddWithValue("$file", Path.GetFullPath(_reader.Path));
            command.Parameters.AddWithValue("$run", runId);
            command.ExecuteNonQuery();
        }

        private void UpdateRun(long runId, string status, SqliteTransaction transaction, bool finished = false)
        {
            using var command = Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE ingest_runs SET read = $read, inserted = $inserted, updated = $updated, duplicates = $duplicates,
                    quarantined = $quarantined, status = $status, finished_at = $finished WHERE run = $run
                """;
            command.Parameters.AddWithValue("$read", Interlocked.Read(ref _read));
            command.Parameters.AddWithValue("$inserted", _inserted);
            command.Parameters.AddWithValue("$updated", _updated);
            command.Parameters.AddWithValue("$duplicates", _duplicates);
            command.Parameters.AddWithValue("$quarantined", Interlocked.Read(ref _quarantined));
            command.Parameters.AddWithValue("$status", status);
            command.Parameters.AddWithValue("$finished", finished ? Timestamp.FromDateTimeOffset(_owner._clock.GetUtcNow()).UnixMicroseconds : DBNull.Value);
            command.Parameters.AddWithValue("$run", runId);
            command.ExecuteNonQuery();
        }
    }
}
