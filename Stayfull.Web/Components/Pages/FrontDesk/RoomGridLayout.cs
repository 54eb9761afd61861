using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;

namespace Stayfull.Web.Components.Pages.FrontDesk;

/// <summary>A stay drawn across <see cref="Span"/> day columns starting at column <see cref="Start"/>.</summary>
public sealed record GridBar(ReservationSummary Stay, int Start, int Span, bool ContinuesBefore, bool ContinuesAfter);

public sealed record GridRow(RoomView Room, IReadOnlyList<GridBar> Bars);

/// <summary>
/// Turns the room grid into table geometry: one column per night, each stay a bar over its nights,
/// clipped to the window. Two stays overlapping in one room (an overbooking) never draw over each other.
/// </summary>
public static class RoomGridLayout
{
    public static IReadOnlyList<DateOnly> Dates(RoomGrid grid) =>
        [.. Enumerable.Range(0, grid.Days).Select(grid.From.AddDays)];

    public static IReadOnlyList<GridRow> Rows(RoomGrid grid)
    {
        var byRoom = grid.Stays.ToLookup(s => s.RoomId);
        return [.. grid.Rooms.Select(room => new GridRow(room, Bars(grid, byRoom[room.Id])))];
    }

    /// <summary>The bookings still waiting for a room, per night of the window.</summary>
    public static IReadOnlyList<IReadOnlyList<ReservationSummary>> UnassignedByNight(RoomGrid grid) =>
        [.. Dates(grid).Select(night => (IReadOnlyList<ReservationSummary>)[.. grid.Unassigned.Where(s => s.Arrival <= night && night < s.Departure).OrderBy(s => s.GuestName, StringComparer.CurrentCulture)])];

    private static List<GridBar> Bars(RoomGrid grid, IEnumerable<ReservationSummary> stays)
    {
        var bars = new List<GridBar>();
        var free = 0;
        foreach (var stay in stays.OrderBy(s => s.Arrival).ThenBy(s => s.Status))
        {
            var first = stay.Arrival.DayNumber - grid.From.DayNumber;
            var end = Math.Min(grid.Days, stay.Departure.DayNumber - grid.From.DayNumber);
            var start = Math.Max(Math.Max(0, first), free);
            if (end <= start)
            {
                continue;
            }

            bars.Add(new GridBar(stay, start, end - start, first < 0, stay.Departure.DayNumber - grid.From.DayNumber > grid.Days));
            free = end;
        }

        return bars;
    }
}
