using Sextant.Events;

namespace Sextant.Storage;

/// <summary>Reads one event column by name, for every stored event (indexed by store row).</summary>
public interface IEventColumnSource
{
    /// <summary>
    /// The column as a dictionary-encoded column indexed by store row. Built-in columns are named
    /// platform, session_id, workspace_id, revenue, source, event_id; any other name is a
    /// top-level key of the properties object (numbers and booleans as invariant text).
    /// </summary>
    /// <exception cref="SextantException">The store cannot be read or is damaged.</exception>
    CodedColumn ReadColumn(string name);
}
