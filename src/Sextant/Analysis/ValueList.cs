using System.Collections;
using System.Runtime.CompilerServices;

namespace Sextant.Analysis;

/// <summary>
/// An immutable list compared by its items, so that query records holding lists have value
/// equality (two queries asking the same thing are equal and can share a cached answer).
/// <c>default</c> is the empty list.
/// </summary>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[]? _items;

    /// <summary>A list of a copy of <paramref name="items"/>.</summary>
    public ValueList(IEnumerable<T> items) => _items = [.. items];

    private ValueList(T[] items, bool _) => _items = items;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty => default;

    /// <inheritdoc/>
    public int Count => _items?.Length ?? 0;

    /// <inheritdoc/>
    public T this[int index] => (_items ?? [])[index];

    /// <summary>Wraps an array the caller no longer changes.</summary>
    internal static ValueList<T> Own(T[] items) => new(items, true);

    /// <summary>A list of the items (null is the empty list).</summary>
    public static implicit operator ValueList<T>(T[]? items) => items is null ? default : new ValueList<T>(items);

    /// <summary>A list of the items (null is the empty list).</summary>
    public static implicit operator ValueList<T>(List<T>? items) => items is null ? default : new ValueList<T>(items);

    /// <inheritdoc/>
    public bool Equals(ValueList<T> other) =>
        Count == other.Count && (Count == 0 || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items ?? []) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <summary>Item-by-item equality.</summary>
    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

    /// <summary>Item-by-item inequality.</summary>
    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The items separated by ", ".</summary>
    public override string ToString() => string.Join(", ", _items ?? []);
}

/// <summary>Builds <see cref="ValueList{T}"/> from collection expressions.</summary>
public static class ValueList
{
    /// <summary>A list of a copy of <paramref name="items"/>.</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => ValueList<T>.Own(items.ToArray());

    /// <summary>A list of a copy of <paramref name="items"/> (null is the empty list).</summary>
    public static ValueList<T> From<T>(IEnumerable<T>? items) => items is null ? default : new ValueList<T>(items);
}
