using Stayfull.Domain.Payments;

namespace Stayfull.Domain.Tests.Payments;

public sealed class PaymentStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Orders => new() { "ACR", "ARC", "CAR", "CRA", "RAC", "RCA" };

    [Theory]
    [MemberData(nameof(Orders))]
    public void AuthorisedCapturedAndRefundedInAnyOrderEndRefunded(string order)
    {
        var payment = new Payment(Guid.NewGuid(), Guid.NewGuid(), PaymentKind.Deposit, 5000, "EUR", Now);
        foreach (var step in order)
        {
            switch (step)
            {
                case 'A':
                    payment.Authorised(5000, Now);
                    break;
                case 'C':
                    payment.Captured(5000, Now);
                    break;
                default:
                    payment.Refunded(5000, Now);
                    break;
            }
        }

        Assert.Equal(PaymentStatus.Refunded, payment.Status);
        Assert.Equal(5000, payment.CapturedMinor);
        Assert.Equal(5000, payment.RefundedMinor);
    }

    [Fact]
    public void AReleaseSeenBeforeTheAuthorisationStillEndsReleased()
    {
        var payment = new Payment(Guid.NewGuid(), Guid.NewGuid(), PaymentKind.Deposit, 5000, "EUR", Now);
        payment.Released(Now);
        payment.Authorised(5000, Now);
        Assert.Equal(PaymentStatus.Released, payment.Status);
        Assert.False(payment.IsCapturable);
    }

    [Fact]
    public void AFailedAttemptFollowedByASuccessfulOneIsCaptured()
    {
        var payment = new Payment(Guid.NewGuid(), Guid.NewGuid(), PaymentKind.Balance, 5000, "EUR", Now);
        payment.Failed("card_declined", Now);
        Assert.Equal(PaymentStatus.Failed, payment.Status);
        payment.Captured(5000, Now);
        Assert.Equal(PaymentStatus.Captured, payment.Status);
    }

    [Fact]
    public void ADisputeOutranksEveryOtherFactAndIsNewsOnlyOncePerStatus()
    {
        var payment = new Payment(Guid.NewGuid(), Guid.NewGuid(), PaymentKind.Deposit, 5000, "EUR", Now);
        Assert.True(payment.Disputed("needs_response", Now));
        payment.Captured(5000, Now);
        Assert.False(payment.Disputed("needs_response", Now));
        Assert.Equal(PaymentStatus.Disputed, payment.Status);
    }

    [Fact]
    public void AmountsNeverGoDownWhenAnOlderSnapshotArrivesLate()
    {
        var payment = new Payment(Guid.NewGuid(), Guid.NewGuid(), PaymentKind.Deposit, 5000, "EUR", Now);
        payment.Refunded(3000, Now);
        payment.Refunded(1000, Now);
        Assert.Equal(3000, payment.RefundedMinor);
    }
}
