using Sextant.Analysis.Refresh;

namespace Sextant.Tests.Analysis.Refresh;

/// <summary>
/// The active-day lists against a plain model (a sorted map of month → mask per key), across
/// batches large enough that changed keys fill several arena blocks and slots move as they grow.
/// </summary>
public sealed class ActiveDaysTests
{
    [Fact]
    public void Adding_days_to_one_key_keeps_its_months_ordered_and_merges_days_of_a_month()
    {
        var days = new ActiveDays();
        days.Add(3, 600, 4);
        days.Add(3, 598, 0);
        days.Add(3, 600, 1);
        days.Add(3, 602, 30);
        days.Add(3, 599, 2);
        Assert.Equal([ActiveDays.Pack(598, 1u), ActiveDays.Pack(599, 4u), ActiveDays.Pack(600, 0b10010u), ActiveDays.Pack(602, 1u << 30)], days.Get(3).ToArray());
        Assert.True(days.GetCompacted(3).IsEmpty);

        days.Compact(5);
        Assert.Equal(days.Get(3).ToArray(), days.GetCompacted(3).ToArray());
        Assert.Equal([0, 0, 0, 0, 4, 4], days.Offsets);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_batches_equal_a_sorted_map_model_before_and_after_compaction(int seed)
    {
        var random = new Random(seed);
        var days = new ActiveDays();
        var model = new Dictionary<int, SortedDictionary<int, uint>>();
        var keyCount = 0;
        for (var batch = 0; batch < 3; batch++)
        {
            keyCount += random.Next(20_000, 40_000);
            // Enough changes per batch to fill several 65,536-entry blocks, with some keys growing far past their first room.
            for (var change = 0; change < 120_000; change++)
            {
                var key = random.Next(5) == 0 ? random.Next(50) : random.Next(1, keyCount);
                var month = 24_300 + random.Next(36);
                var bit = random.Next(31);
                days.Add(key, month, bit);
                if (!model.TryGetValue(key, out var months)) model[key] = months = [];
                months[month] = months.GetValueOrDefault(month) | (1u << bit);
            }
            AssertEqual(model, days, keyCount, compacted: false);
            var written = Written(days, keyCount);
            days.Compact(keyCount);
            Assert.Equal(Written(days, keyCount), written);
            Assert.Equal(ArrayBytes(days.Offsets).Concat(ArrayBytes(days.Entries)), written);
            AssertEqual(model, days, keyCount, compacted: true);
        }
    }

    /// <summary>What <see cref="ActiveDays.WriteCompacted"/> writes: it must be the compacted arrays, as the state file stores arrays.</summary>
    private static byte[] Written(ActiveDays days, int keyCount)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) days.WriteCompacted(writer, keyCount);
        return stream.ToArray();
    }

    private static byte[] ArrayBytes(int[] values) => [.. BitConverter.GetBytes(values.Length), .. values.SelectMany(BitConverter.GetBytes)];

    private static byte[] ArrayBytes(long[] values) => [.. BitConverter.GetBytes(values.Length), .. values.SelectMany(BitConverter.GetBytes)];

    private static void AssertEqual(Dictionary<int, SortedDictionary<int, uint>> model, ActiveDays days, int keyCount, bool compacted)
    {
        for (var key = 0; key < keyCount; key++)
        {
            long[] expected = model.TryGetValue(key, out var months) ? [.. months.Select(pair => ActiveDays.Pack(pair.Key, pair.Value))] : [];
            Assert.Equal(expected, days.Get(key).ToArray());
            if (compacted) Assert.Equal(expected, days.GetCompacted(key).ToArray());
        }
    }
}
