namespace Stayfull.Domain.Common;

/// <summary>A stay from the arrival date to the departure date (exclusive), in the hotel's time zone.</summary>
public readonly record struct StayDates
{
    public const int MaxNights = 90;

    public StayDates(DateOnly arrival, DateOnly departure)
    {
        if (departure <= arrival)
        {
            throw ValidationException.For("departure", "Departure must be after arrival.");
        }

        if (departure.DayNumber - arrival.DayNumber > MaxNights)
        {
            throw ValidationException.For("departure", $"A stay is at most {MaxNights} nights.");
        }

        Arrival = arrival;
        Departure = departure;
    }

    public DateOnly Arrival { get; }

    public DateOnly Departure { get; }

    public int Nights => Departure.DayNumber - Arrival.DayNumber;

    public IEnumerable<DateOnly> EachNight()
    {
        for (var night = Arrival; night < Departure; night = night.AddDays(1))
        {
            yield return night;
        }
    }

    public bool Overlaps(DateOnly arrival, DateOnly departure) => Arrival < departure && arrival < Departure;
}
