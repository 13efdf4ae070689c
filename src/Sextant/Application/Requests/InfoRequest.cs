using Sextant.Analysis.Info;
using Sextant.Events;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;

namespace Sextant.Application.Requests;

/// <summary>
/// What the store holds (<c>sextant info</c>): counts per record kind, the date span, users and
/// the <c>top</c> most frequent events, of the store the project was opened on.
/// </summary>
public sealed class InfoRequest : IAnalysisRequest
{
    /// <summary>How many events are listed when <c>top</c> is not given.</summary>
    public const int DefaultTop = 10;

    /// <inheritdoc/>
    public string Name => "info";

    /// <inheritdoc/>
    public string Summary => "Counts per record kind, date range, users and top events of the store";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        return Info(project.Store ?? throw new SextantException("info describes a store: this project was not opened on one"), parameters,
            project.TableLoaded ? project.Table : null);
    }

    /// <summary>
    /// The summary of the store at <paramref name="store"/>: from <paramref name="loaded"/> when
    /// the events are already in memory (a warm server), else from the table snapshot when it is
    /// current, else from the store's events.
    /// </summary>
    /// <param name="store">The store file or warehouse URL.</param>
    /// <param name="parameters">top: how many of the most frequent events to list (at least 1).</param>
    /// <param name="loaded">The store's events, when already loaded.</param>
    /// <param name="notice">Told in one line why the table snapshot could not be used.</param>
    /// <exception cref="SextantException">A parameter is invalid, or the store cannot be opened.</exception>
    public static StoreInfo Info(string store, RequestParameters parameters, EventTable? loaded = null, Action<string>? notice = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(store);
        ArgumentNullException.ThrowIfNull(parameters);
        // The command line has always read --top 0 as 1.
        var top = Math.Max(1, parameters.Int("top", DefaultTop));
        parameters.RejectUnread("info");
        var url = StoreUrl.Parse(store);
        if (url.IsWarehouse)
        {
            using var warehouseStore = WarehouseStore.Open(url, create: false);
            return StoreInfo.Read(warehouseStore, loaded ?? EventTableBuilder.Build(warehouseStore, TimeZoneInfo.Utc), top);
        }
        using var file = SqliteStore.OpenReadOnly(store);
        return loaded is null ? StoreInfo.Read(file, store, top, notice) : StoreInfo.Read(file, loaded, top);
    }
}
