using Stayfull.Domain.Common;

namespace Stayfull.Domain.Hotels;

/// <summary>The tenant: one property with its own rooms, rates, guests and staff.</summary>
public sealed class Hotel
{
    private Hotel()
    {
    }

    public Hotel(string name, string timeZoneId, string currency, TimeOnly checkInTime, TimeOnly checkOutTime, Address address)
    {
        Id = Guid.CreateVersion7();
        Update(name, timeZoneId, currency, checkInTime, checkOutTime, address);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>IANA time zone id; stay dates and "today" are computed in it.</summary>
    public string TimeZoneId { get; private set; } = "UTC";

    /// <summary>ISO 4217 code of every amount this hotel posts.</summary>
    public string Currency { get; private set; } = "USD";

    public TimeOnly CheckInTime { get; private set; }

    public TimeOnly CheckOutTime { get; private set; }

    public Address Address { get; private set; } = Address.Empty;

    public int Version { get; private set; }

    public void Update(string name, string timeZoneId, string currency, TimeOnly checkInTime, TimeOnly checkOutTime, Address address)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["The hotel needs a name."];
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
        {
            errors["timeZoneId"] = [$"'{timeZoneId}' is not a known time zone."];
        }

        if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            errors["currency"] = ["The currency is a three-letter ISO code such as EUR."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        Name = name.Trim();
        TimeZoneId = timeZoneId;
        Currency = currency!;
        CheckInTime = checkInTime;
        CheckOutTime = checkOutTime;
        Address = address;
        Version++;
    }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The hotel's calendar date at an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>A date and wall-clock time at the hotel, as an instant.</summary>
    public DateTimeOffset Instant(DateOnly date, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), TimeZone), TimeSpan.Zero);

    public Money Money(long minor) => new(minor, Currency);
}
