using MudBlazor;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Reservations;

namespace Stayfull.Web.Components.Pages.FrontDesk;

/// <summary>How a reservation or room status looks, so a chip in a list and a bar in the grid never disagree.</summary>
internal static class StatusStyles
{
    public static string Label(ReservationStatus status) => status switch
    {
        ReservationStatus.Confirmed => "Confirmed",
        ReservationStatus.CheckedIn => "In house",
        ReservationStatus.CheckedOut => "Checked out",
        ReservationStatus.Cancelled => "Cancelled",
        ReservationStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    public static Color ColorOf(ReservationStatus status) => status switch
    {
        ReservationStatus.Confirmed => Color.Info,
        ReservationStatus.CheckedIn => Color.Success,
        ReservationStatus.CheckedOut => Color.Dark,
        ReservationStatus.Cancelled => Color.Error,
        ReservationStatus.NoShow => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>MudBlazor's theme classes colour the grid bars like the chips without extra CSS.</summary>
    public static string BarClass(ReservationStatus status) => status switch
    {
        ReservationStatus.Confirmed => "mud-theme-info",
        ReservationStatus.CheckedIn => "mud-theme-success",
        ReservationStatus.CheckedOut => "mud-theme-dark",
        _ => "mud-theme-warning",
    };

    public static string Label(HousekeepingStatus status) => status switch
    {
        HousekeepingStatus.Clean => "Clean",
        HousekeepingStatus.Dirty => "Dirty",
        HousekeepingStatus.Inspected => "Inspected",
        HousekeepingStatus.OutOfOrder => "Out of order",
        _ => status.ToString(),
    };

    /// <summary>The room-status-* classes of app.css.</summary>
    public static string RoomClass(HousekeepingStatus status) => status switch
    {
        HousekeepingStatus.Clean => "room-status-clean",
        HousekeepingStatus.Dirty => "room-status-dirty",
        HousekeepingStatus.Inspected => "room-status-inspected",
        _ => "room-status-outoforder",
    };

    public static int Nights(ReservationSummary stay) => stay.Departure.DayNumber - stay.Arrival.DayNumber;
}
