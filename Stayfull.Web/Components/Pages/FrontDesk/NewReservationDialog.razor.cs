using Microsoft.AspNetCore.Components;
using MudBlazor;
using Stayfull.Domain.Common;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;

namespace Stayfull.Web.Components.Pages.FrontDesk;

/// <summary>Books a stay at the desk: quotes live as the choices change, books atomically, then opens the reservation.</summary>
public partial class NewReservationDialog
{
    private IReadOnlyList<RoomType> _types = [];
    private IReadOnlyList<RatePlan> _plans = [];
    private IReadOnlyList<Room> _freeRooms = [];
    private string _typeId = "";
    private string _planId = "";
    private string _roomId = "";
    private DateTime? _arrival;
    private DateTime? _departure;
    private int _adults = 1;
    private string? _guestName;
    private string? _email;
    private string? _phone;
    private string? _overrideReason;
    private Quote? _quote;
    private string? _quoteError;
    private string? _bookError;
    private int _quoteVersion;
    private bool _tried;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private BookingService Booking { get; set; } = default!;

    [Inject]
    private ReservationService Reservations { get; set; } = default!;

    [Inject]
    private HotelSettingsService Settings { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private bool NeedsOverride => _quote is { RestrictionViolations.Count: > 0 };

    private static Dictionary<string, object?> TestId(string id) => new() { ["data-testid"] = id };

    protected override async Task OnInitializedAsync()
    {
        var hotel = await Settings.GetHotelAsync(CancellationToken.None);
        var today = hotel.LocalDate(Time.GetUtcNow()).ToDateTime(TimeOnly.MinValue);
        _arrival = today;
        _departure = today.AddDays(1);
        _types = await Settings.RoomTypesAsync(CancellationToken.None);
        _plans = await Settings.RatePlansAsync(CancellationToken.None);
        _typeId = _types.Count > 0 ? _types[0].Id.ToString() : "";
        _planId = _plans.Count > 0 ? _plans[0].Id.ToString() : "";
        await RefreshQuoteAsync();
    }

    private async Task TypeChangedAsync(string typeId)
    {
        _typeId = typeId;
        await RefreshQuoteAsync();
    }

    private async Task PlanChangedAsync(string planId)
    {
        _planId = planId;
        await RefreshQuoteAsync();
    }

    private async Task ArrivalChangedAsync(DateTime? arrival)
    {
        _arrival = arrival;

        // Keep the stay valid while the clerk is still picking: a later arrival pushes departure along.
        if (arrival is { } a && (_departure is null || _departure <= a))
        {
            _departure = a.AddDays(1);
        }

        await RefreshQuoteAsync();
    }

    private async Task DepartureChangedAsync(DateTime? departure)
    {
        _departure = departure;
        await RefreshQuoteAsync();
    }

    private async Task RefreshQuoteAsync()
    {
        var version = ++_quoteVersion;
        _quote = null;
        _quoteError = null;
        if (!TryReadStay(out var typeId, out var arrival, out var departure))
        {
            _quoteError = _types.Count == 0 ? "The hotel has no room types yet; add them in Settings." : "Choose a room type, an arrival and a departure date.";
            return;
        }

        try
        {
            var quote = await Booking.QuoteAsync(typeId, PlanId, arrival, departure, CancellationToken.None);
            var rooms = await Reservations.FreeRoomsForStayAsync(typeId, arrival, departure, CancellationToken.None);

            // A slower answer to an earlier choice must not overwrite the answer to the latest one.
            if (version != _quoteVersion)
            {
                return;
            }

            _quote = quote;
            _freeRooms = rooms;
            if (!rooms.Any(r => r.Id.ToString() == _roomId))
            {
                _roomId = "";
            }
        }
        catch (DomainException ex) when (version == _quoteVersion)
        {
            _quoteError = ex.Message;
            _freeRooms = [];
            _roomId = "";
        }
    }

    private async Task BookAsync()
    {
        _tried = true;
        _bookError = null;
        if (string.IsNullOrWhiteSpace(_guestName) || (NeedsOverride && string.IsNullOrWhiteSpace(_overrideReason)))
        {
            return;
        }

        if (!TryReadStay(out var typeId, out var arrival, out var departure))
        {
            _bookError = "Choose a room type, an arrival and a departure date.";
            return;
        }

        _busy = true;
        try
        {
            var reservation = await Booking.BookAsync(
                new BookingRequest
                {
                    RoomTypeId = typeId,
                    RatePlanId = PlanId,
                    Arrival = arrival,
                    Departure = departure,
                    Adults = _adults,
                    GuestName = _guestName.Trim(),
                    GuestEmail = Blank(_email),
                    GuestPhone = Blank(_phone),
                    RoomId = Guid.TryParse(_roomId, out var roomId) ? roomId : null,
                    OverrideReason = NeedsOverride ? _overrideReason : null,
                },
                CancellationToken.None);
            Dialog.Close(DialogResult.Ok(reservation.Id));
            Navigation.NavigateTo($"reservations/{reservation.Id}");
        }
        catch (SoldOutException ex)
        {
            _bookError = ex.Message + " Choose other dates or another room type.";
            await RefreshQuoteAsync();
        }
        catch (DomainException ex)
        {
            _bookError = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private Guid? PlanId => Guid.TryParse(_planId, out var id) ? id : null;

    private bool TryReadStay(out Guid typeId, out DateOnly arrival, out DateOnly departure)
    {
        arrival = _arrival is { } a ? DateOnly.FromDateTime(a) : default;
        departure = _departure is { } d ? DateOnly.FromDateTime(d) : default;
        return Guid.TryParse(_typeId, out typeId) && _arrival is not null && _departure is not null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
