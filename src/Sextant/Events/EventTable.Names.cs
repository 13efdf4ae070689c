using Sextant.Analysis;

namespace Sextant.Events;

/// <summary>The names the table's events and profiles contain, from its dictionaries.</summary>
public sealed partial class EventTable : IStoredNames
{
    bool IStoredNames.HasNoEvents => EventCount == 0;

    IReadOnlyCollection<string> IStoredNames.EventNames => EventNames;

    IEnumerable<string> IStoredNames.AttributeNames => Attributes.Names;

    bool IStoredNames.HasEvent(string name) => EventCode(name) >= 0;

    bool IStoredNames.HasAttribute(string name) => Attributes[name] is not null;

    bool IStoredNames.HasProperty(string name) => Property(name).Values.Length > 0;
}
