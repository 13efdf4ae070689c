using Sextant.Events;

namespace Sextant.Analysis.Paths;

internal static partial class PathMeasurer
{
    /// <summary>One thread's counts over the entities it scanned; entities are disjoint between scans.</summary>
    private sealed class PathScan
    {
        private readonly EventTable _table;
        private readonly ScanSettings _settings;
        private readonly int[] _seenBy;
        private readonly List<int> _distinct = [];
        private int[] _sequence = new int[64];
        private long[] _times = new long[64];

        public PathScan(EventTable table, ScanSettings settings)
        {
            _table = table;
            _settings = settings;
            _seenBy = new int[settings.Names];
            Array.Fill(_seenBy, -1);
            UsersPerEvent = new long[settings.Names];
            Transitions = new PairCounts(settings.Names);
        }

        public PathTable Paths { get; } = new();
        public long Sequences { get; private set; }
        public long SequencesWithPath { get; private set; }
        public long UsersWithPath { get; private set; }
        public long UsersWithEvent { get; private set; }
        public long[] UsersPerEvent { get; }

        /// <summary>Within-sequence transitions between consecutive distinct events.</summary>
        public PairCounts Transitions { get; }

        public void Entity(int user)
        {
            var from = _table.UserOffsets[user];
            var to = _table.UserOffsets[user + 1];
            var codes = _table.EventCodes;
            var timestamps = _table.Timestamps;
            var map = _settings.Map;
            var (rangeFrom, rangeTo) = (_settings.Range.FromMicros, _settings.Range.ToMicros);

            var convertedAt = long.MinValue;
            if (_settings.Converted >= 0)
                for (var row = from; row < to; row++)
                    if (codes[row] == _settings.Converted) convertedAt = timestamps[row];

            var hadPath = false;
            var length = 0;
            var last = long.MinValue;
            _distinct.Clear();
            for (var row = from; row < to; row++)
            {
                var time = timestamps[row];
                // Rows are sorted by time within the entity: nothing after the range can count.
                if (time >= rangeTo) break;
                if (time < rangeFrom) continue;
                var code = map[codes[row]];
                if (code < 0) continue;
                if (length > 0 && _settings.GapMicros > 0 && time - last > _settings.GapMicros)
                {
                    hadPath |= Sequence(length, user, convertedAt);
                    length = 0;
                }
                last = time;
                if (_seenBy[code] != user)
                {
                    _seenBy[code] = user;
                    _distinct.Add(code);
                }
                if (length > 0 && _sequence[length - 1] == code) continue;
                if (length == _sequence.Length)
                {
                    Array.Resize(ref _sequence, length * 2);
                    Array.Resize(ref _times, length * 2);
                }
                _sequence[length] = code;
                _times[length] = time;
                length++;
            }
            if (length > 0) hadPath |= Sequence(length, user, convertedAt);
            if (hadPath) UsersWithPath++;
            if (_distinct.Count == 0) return;

            UsersWithEvent++;
            foreach (var code in _distinct) UsersPerEvent[code]++;
        }

        /// <summary>Counts the collapsed sequence held in the buffers; true when it has a path.</summary>
        private bool Sequence(int length, int user, long convertedAt)
        {
            Sequences++;
            for (var i = 1; i < length; i++) Transitions.Add(_sequence[i - 1], _sequence[i]);

            int first, end;
            if (_settings.Start >= 0)
            {
                first = Array.IndexOf(_sequence, _settings.Start, 0, length);
                if (first < 0) return false;
                end = Math.Min(length, first + _settings.MaxSteps);
            }
            else if (_settings.End >= 0)
            {
                var at = Array.LastIndexOf(_sequence, _settings.End, length - 1, length);
                if (at < 0) return false;
                first = Math.Max(0, at - _settings.MaxSteps + 1);
                end = at + 1;
            }
            else
            {
                first = 0;
                end = Math.Min(length, _settings.MaxSteps);
            }
            SequencesWithPath++;
            Paths.Add(_sequence.AsSpan(first, end - first), user, convertedAt >= _times[first]);
            return true;
        }

        public void Merge(PathScan other)
        {
            Paths.Merge(other.Paths);
            Sequences += other.Sequences;
            SequencesWithPath += other.SequencesWithPath;
            UsersWithPath += other.UsersWithPath;
            UsersWithEvent += other.UsersWithEvent;
            for (var i = 0; i < UsersPerEvent.Length; i++) UsersPerEvent[i] += other.UsersPerEvent[i];
            Transitions.Merge(other.Transitions);
        }
    }
}
