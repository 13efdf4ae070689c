namespace Sextant.Analysis;

/// <summary>
/// The names a store's data contain — events, profile attributes, event properties — so that a
/// name typed by a user is checked (<see cref="NameCheck"/>) wherever the data live: an in-memory
/// table answers from its dictionaries, a warehouse store with a few small queries, without
/// loading every event.
/// </summary>
public interface IStoredNames
{
    /// <summary>True when the store holds no event.</summary>
    bool HasNoEvents { get; }

    /// <summary>Every stored event name.</summary>
    IReadOnlyCollection<string> EventNames { get; }

    /// <summary>Every profile attribute name.</summary>
    IEnumerable<string> AttributeNames { get; }

    /// <summary>True when at least one stored event has this name.</summary>
    bool HasEvent(string name);

    /// <summary>True when the profiles have this attribute.</summary>
    bool HasAttribute(string name);

    /// <summary>True when at least one stored event carries this property (a top-level key of its properties).</summary>
    bool HasProperty(string name);
}
