namespace Stayfull.Domain.Reservations;

public enum ReservationStatus
{
    Confirmed = 0,
    CheckedIn = 1,
    CheckedOut = 2,
    Cancelled = 3,
    NoShow = 4,
}

public static class ReservationStatusExtensions
{
    /// <summary>Statuses that hold inventory (a room sold for its nights).</summary>
    public static bool HoldsInventory(this ReservationStatus status) =>
        status is ReservationStatus.Confirmed or ReservationStatus.CheckedIn;

    /// <summary>Statuses whose nights count as sold in KPIs.</summary>
    public static bool CountsAsSold(this ReservationStatus status) =>
        status is ReservationStatus.Confirmed or ReservationStatus.CheckedIn or ReservationStatus.CheckedOut;
}
