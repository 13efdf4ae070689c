namespace Sextant.Events;

/// <summary>Profile attributes per entity (visitors have none), dictionary-encoded.</summary>
public sealed class UserAttributes
{
    private readonly Dictionary<string, CodedColumn> _columns;

    internal UserAttributes(Dictionary<string, CodedColumn> columns) => _columns = columns;

    /// <summary>Names of the available attributes: segment, channel, plan, country, platform, workspace_id and every trait key.</summary>
    public IEnumerable<string> Names => _columns.Keys;

    /// <summary>The attribute column, or null when no profile has it.</summary>
    public CodedColumn? this[string name] => _columns.GetValueOrDefault(name);
}
