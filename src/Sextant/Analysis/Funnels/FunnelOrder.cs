namespace Sextant.Analysis.Funnels;

/// <summary>How steps must follow each other (SEMANTICS.md, Funnels).</summary>
public enum FunnelOrder
{
    /// <summary>Steps in order; other events may come between them (the default).</summary>
    Ordered,
    /// <summary>Steps in order; an event that matches no step resets progress.</summary>
    Strict,
    /// <summary>Steps in any order; step k counts users who did any k of them.</summary>
    Unordered,
}
