using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Stayfull.Domain.Live;
using Stayfull.Web.Auth;
using Stayfull.Web.Live;

namespace Stayfull.Web.Components.Common;

/// <summary>
/// A screen that refreshes itself when its hotel changes: it subscribes on start, reloads on the
/// circuit's dispatcher when a change of a watched topic arrives, and unsubscribes when disposed.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    private HotelChangeNotifier Notifier { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>The topics this screen shows; a change of any other topic is ignored.</summary>
    protected abstract IReadOnlyCollection<ChangeTopic> WatchedTopics { get; }

    protected abstract Task LoadAsync();

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (Authentication is not null && StaffClaims.HotelOf((await Authentication).User) is { } hotelId)
        {
            _subscription = Notifier.Subscribe(hotelId, OnChangeAsync);
        }
    }

    private Task OnChangeAsync(HotelChange change) =>
        WatchedTopics.Contains(change.Topic)
            ? InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            })
            : Task.CompletedTask;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription?.Dispose();
        }
    }
}
