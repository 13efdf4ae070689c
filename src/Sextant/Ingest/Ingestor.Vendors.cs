using System.Collections.Concurrent;
using System.Text.Json;
using Sextant.Events;
using Sextant.Ingest.Vendors;
using Sextant.Storage;

namespace Sextant.Ingest;

/// <summary>The ingest of a vendor export: items translated into events and profile updates, written in item order.</summary>
public sealed partial class Ingestor
{
    private sealed partial class FileRun
    {
        /// <summary>
        /// Reads a vendor source's items on one worker thread and translates each into records; an
        /// item that cannot be translated, and a record that fails the checks every row passes, goes
        /// to quarantine with the item's text. Counts are of records (an item may make an event and
        /// a profile update), plus one per item that made none.
        /// </summary>
        private void ParseVendorItems(VendorSource vendor, BlockingCollection<List<object>> parts)
        {
            try
            {
                var timeOptions = new TimestampParseOptions(_owner._options.NaiveZone, _owner._options.TimeUnit);
                var parser = new VendorRecordParser(vendor.Format.Name, timeOptions, _importTime, _owner._money, _privacy);
                var drafts = new VendorDrafts();
                var part = new List<object>(PartRows);
                while (vendor.Items.TryRead(out var item))
                {
                    var where = vendor.Items.CurrentName;
                    if (item.Error is not null)
                    {
                        QuarantineItem(where, item.Line, item.Error, item.RawText, item.RawBytes);
                        continue;
                    }
                    foreach (var message in vendor.Format.Expand(item.Root))
                    {
                        if (!KeepsItem(message))
                        {
                            Interlocked.Increment(ref _read);
                            Interlocked.Increment(ref _filtered);
                            continue;
                        }
                        drafts.Clear();
                        var error = vendor.Format.Translate(message, drafts);
                        if (error is not null || drafts.Records.Count == 0)
                        {
                            QuarantineItem(where, item.Line, error ?? "the row holds no event or profile", message.GetRawText(), null);
                            continue;
                        }
                        foreach (var draft in drafts.Records)
                        {
                            Interlocked.Increment(ref _read);
                            var record = parser.Parse(draft, out error);
                            if (record is null)
                            {
                                _quarantine.Write(where, item.Line, RecordKindName(draft), error ?? "invalid row", message.GetRawText(), null);
                                Interlocked.Increment(ref _quarantined);
                            }
                            else
                            {
                                part.Add(record);
                            }
                        }
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

            void QuarantineItem(string where, long line, string reason, string raw, byte[]? rawBytes)
            {
                Interlocked.Increment(ref _read);
                _quarantine.Write(where, line, vendor.Format.Name, reason, raw, rawBytes);
                Interlocked.Increment(ref _quarantined);
            }
        }

        private static string RecordKindName(object draft) => draft is ProfileDraft ? "users" : "events";

        /// <summary>True when every --where condition holds on a top-level field of a vendor item.</summary>
        private bool KeepsItem(JsonElement item)
        {
            foreach (var (column, value) in _owner._options.Where)
            {
                if (!item.TryGetProperty(column, out var field)) return false;
                var actual = field.ValueKind == JsonValueKind.String ? field.GetString() : field.GetRawText();
                if (actual != value) return false;
            }
            return true;
        }

        /// <summary>Writes a vendor part: runs of events appended together, profile updates merged in between, in item order.</summary>
        private void WriteMixedPart(List<object> batch, long runId, IIngestBatch transaction)
        {
            var events = new List<EventRecord>();
            foreach (var record in batch)
            {
                if (record is EventRecord e)
                {
                    events.Add(e);
                    continue;
                }
                if (events.Count > 0) WriteEvents(events, runId, transaction);
                events = [];
                switch (transaction.WriteUser((UserProfile)record))
                {
                    case WriteOutcome.Inserted: _inserted++; break;
                    case WriteOutcome.Updated: _updated++; break;
                    default: _duplicates++; break;
                }
            }
            if (events.Count > 0) WriteEvents(events, runId, transaction);
        }
    }
}
