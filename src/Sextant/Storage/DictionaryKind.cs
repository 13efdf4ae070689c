namespace Sextant.Storage;

/// <summary>The string columns the store dictionary-encodes; each has its own dense codes from 1.</summary>
internal enum DictionaryKind
{
    UserId = 1,
    AnonymousId = 2,
    EventName = 3,
    Platform = 4,
    WorkspaceId = 6,
    Source = 7,
}

/// <summary>Column numbers of an event chunk, in storage order.</summary>
internal enum ChunkColumn
{
    UserCode = 0,
    AnonymousCode = 1,
    EventCode = 2,
    Timestamp = 3,
    PlatformCode = 4,
    /// <summary>Session ids as text: too many distinct values to be worth a dictionary.</summary>
    SessionId = 5,
    WorkspaceCode = 6,
    SourceCode = 7,
    Revenue = 8,
    Properties = 9,
    EventId = 10,
    /// <summary>StableHash of each event id, 8 bytes little-endian a row; rebuilds the dedup index.</summary>
    IdHash = 11,
}
