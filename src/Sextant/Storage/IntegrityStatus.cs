namespace Sextant.Storage;

/// <summary>How a store's self-check came out.</summary>
public enum IntegrityStatus
{
    /// <summary>Nothing wrong.</summary>
    Pass,

    /// <summary>Not everything could be verified; the data can still be read.</summary>
    Warn,

    /// <summary>The store is damaged: reading it would fail or give wrong numbers.</summary>
    Fail,
}
