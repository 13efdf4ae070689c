using Sextant.Events;

namespace Sextant.Analysis;

/// <summary>
/// Signed-up users grouped by the value of a profile attribute: the most common values keep
/// their own group, the rest are grouped as Other, and users without a value are "(none)".
/// </summary>
internal sealed class UserGroups
{
    public const string NoValue = "(none)";
    public const string OtherValues = "Other";

    private readonly int[] _groupOf;

    private UserGroups(string attribute, IReadOnlyList<string> labels, int[] groupOf)
    {
        Attribute = attribute;
        Labels = labels;
        _groupOf = groupOf;
    }

    public string Attribute { get; }

    /// <summary>Group labels, largest group first.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Group index of a signed-up user.</summary>
    public int Of(int user) => _groupOf[user];

    /// <exception cref="SextantException">The table has no such attribute.</exception>
    public static UserGroups Of(EventTable table, string attribute, int limit)
    {
        var column = table.Attributes[attribute]
            ?? throw new SextantException(NameCheck.Unknown("breakdown", attribute, null, table.Attributes.Names));
        string ValueOf(int user) => column[user] ?? NoValue;
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var user = 0; user < table.SignedUpUserCount; user++) sizes[ValueOf(user)] = sizes.GetValueOrDefault(ValueOf(user)) + 1;
        var ranked = sizes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList();
        var kept = ranked.Take(Math.Max(1, limit)).ToList();
        var labels = ranked.Count > kept.Count ? [.. kept, OtherValues] : kept;
        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var groupOf = new int[table.SignedUpUserCount];
        for (var user = 0; user < groupOf.Length; user++)
            groupOf[user] = index.TryGetValue(ValueOf(user), out var g) ? g : index[OtherValues];
        return new UserGroups(attribute, labels, groupOf);
    }
}
