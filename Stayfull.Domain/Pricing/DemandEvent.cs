using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Pricing;

/// <summary>A local event the hotel expects to lift demand (a congress, a festival, a match), entered by a manager.</summary>
public sealed class DemandEvent : ITenantOwned
{
    private DemandEvent()
    {
    }

    public DemandEvent(Guid hotelId, string name, DateOnly from, DateOnly to, decimal expectedUplift)
    {
        Id = Guid.CreateVersion7();
        HotelId = hotelId;
        Change(name, from, to, expectedUplift);
    }

    public Guid Id { get; private set; }

    public Guid HotelId { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary>0.25 is +25 % demand.</summary>
    public decimal ExpectedUplift { get; private set; }

    public void Change(string name, DateOnly from, DateOnly to, decimal expectedUplift)
    {
        Name = name;
        From = from;
        To = to;
        ExpectedUplift = expectedUplift;
    }

    public LocalEvent ToEngine() => new(Name, From, To, ExpectedUplift);
}
