namespace Sextant.Engine.Sql;

/// <summary>
/// The one array lookup of the ClickHouse funnels (<see cref="FunnelArraySql"/>, <see cref="FunnelArrayModeSql"/>):
/// for each probe, the first row whose key is greater. ClickHouse 18.16 copies an array a lambda
/// reads without taking it as an argument once per element, so reading <c>rows[i]</c> for every
/// probe would cost probes × rows (gigabytes for an entity with 50,000 events); a merge costs one
/// sort of both.
/// </summary>
internal static class FunnelArrayLookup
{
    /// <summary>
    /// An expression list defining <c>{name}_key</c> and <c>{name}_value</c>: for each of
    /// <paramref name="probes"/> (Int64, ascending), the first row of <paramref name="keys"/>
    /// (Int64, ascending) with a greater key (or an equal one, when <paramref name="orEqual"/>), and
    /// that row's element of <paramref name="values"/> (Int64); 0 and 0 when there is none. Probes
    /// (key × 2) and rows (key × 2 + 1) are sorted together, so a row at a probe's key sorts after it
    /// (before it when the probe is key × 2 + 1 and the row key × 2: strictly greater). Read latest
    /// first, running sums of the differences between consecutive rows carry the last row seen to
    /// every probe before it. The probes keep their order, ascending.
    /// </summary>
    public static string NextAfter(string name, string probes, string keys, string values, bool orEqual)
    {
        // Each row adds its own key (value) minus the next greater row's, so the running sum is the latest row's key (value).
        string Differences(string array) => $"arrayMap((value, later) -> value - later, {array}, arrayPopFront(arrayPushBack({array}, toInt64(0))))";
        var (probe, row) = orEqual ? ("key * 2", "key * 2 + 1") : ("key * 2 + 1", "key * 2");
        string Carried(int element) =>
            $"arrayReverse(arrayFilter((carried, merged) -> tupleElement(merged, 1) = 1, arrayCumSum(arrayMap(merged -> tupleElement(merged, {element}), {name}_merged)), {name}_merged))";
        return $"""
            arrayReverse(arraySort((merged, key) -> key,
                        arrayConcat(arrayMap(key -> (toInt64(1), toInt64(0), toInt64(0)), {probes}), arrayMap((key_step, value_step) -> (toInt64(0), key_step, value_step), {Differences(keys)}, {Differences(values)})),
                        arrayConcat(arrayMap(key -> {probe}, {probes}), arrayMap(key -> {row}, {keys})))) AS {name}_merged,
                    {Carried(2)} AS {name}_key,
                    {Carried(3)} AS {name}_value
            """;
    }
}
