using Stayfull.Domain.Guests;
using Stayfull.Domain.Messaging;

namespace Stayfull.Domain.Tests.Messaging;

public sealed class GuestMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static GuestMessage Sent()
    {
        var message = GuestMessage.Outbound(Guid.NewGuid(), Guid.NewGuid(), null, MessageChannel.Sms, "+351912345678", "Hotel", null, "hi", null, MessageTemplateKeys.CheckInLink, Now);
        message.Accepted("SM1", isDemo: false, Now);
        return message;
    }

    [Fact]
    public void EachStatusIsRecordedOnceWithItsTime()
    {
        var message = Sent();

        Assert.True(message.Record(DeliveryStatus.Delivered, Now.AddSeconds(5), null));
        Assert.False(message.Record(DeliveryStatus.Delivered, Now.AddSeconds(9), null));

        Assert.Equal(DeliveryStatus.Delivered, message.Status);
        Assert.Equal(Now.AddSeconds(5), message.StatusChangedAt);
        Assert.Single(message.StatusChanges, c => c.Status == DeliveryStatus.Delivered);
    }

    [Fact]
    public void ALateEarlierStatusIsKeptInTheHistoryButDoesNotMoveTheMessageBack()
    {
        var message = GuestMessage.Outbound(Guid.NewGuid(), Guid.NewGuid(), null, MessageChannel.Email, "a@b.example", "Hotel", "s", "b", "<p>b</p>", null, Now);

        message.Record(DeliveryStatus.Delivered, Now.AddSeconds(5), null);
        message.Record(DeliveryStatus.Sent, Now.AddSeconds(1), null);

        Assert.Equal(DeliveryStatus.Delivered, message.Status);
        Assert.Contains(message.StatusChanges, c => c.Status == DeliveryStatus.Sent);
    }

    [Theory]
    [InlineData("+351 912-345 678", "+351912345678")]
    [InlineData("00351 912 345 678", "+351912345678")]
    [InlineData("(+1) 415 555 0100", "+14155550100")]
    [InlineData("912 345 678", null)]
    [InlineData(null, null)]
    public void APhoneNumberIsTextableOnlyWithItsCountryCode(string? phone, string? expected) =>
        Assert.Equal(expected, Guest.ToSmsNumber(phone));

    [Fact]
    public void CorrectingABouncedEmailClearsTheBounce()
    {
        var guest = new Guest(Guid.NewGuid(), "Ada", "ada@old.example", null);
        guest.MarkEmailBad("user unknown", Now);

        guest.Update("Ada", "ada@new.example", null);

        Assert.False(guest.IsEmailBad);
        Assert.Null(guest.EmailBounceReason);
    }
}
