package com.aiassistants.backend.assistant.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.backend.assistant.golden.FakeSchedulingServer;
import com.aiassistants.backend.assistant.golden.GoldenDialogue.FixtureBooking;
import com.aiassistants.backend.assistant.golden.SchedulingFixtures;
import com.aiassistants.backend.assistant.nlu.Language;
import com.aiassistants.backend.assistant.nlu.Utterance;
import com.aiassistants.backend.assistant.replies.Replies;
import com.aiassistants.backend.assistant.scheduling.McpSchedulingGateway;
import com.aiassistants.backend.assistant.scheduling.SchedulingGateway;
import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;

/**
 * Each step handler on its own: a state set up through the state's methods, one message, what the
 * handler says and where the state ends. The scheduling side is the in-test MCP server (demo clinic,
 * Monday 2026-01-12 09:00 in Buenos Aires).
 */
class StepHandlersTest {

    static final Instant NOW = Instant.parse("2026-01-12T12:00:00Z");
    static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");
    static final String CUSTOMER = "+5491155550177";

    final String tenantId = "steps-" + System.nanoTime();
    final McpToolClient calendar;
    final SchedulingGateway gateway;
    final TenantProfile tenant = new TenantProfile(tenantId, "Clínica Demo", ZONE, "es", TenantProfile.FlowSettings.defaults());

    StepHandlersTest() {
        FakeSchedulingServer server = FakeSchedulingServer.shared();
        server.setClock(tenantId, NOW);
        McpTarget target = new McpTarget(URI.create(server.url()), FakeSchedulingServer.TOKEN, Duration.ofSeconds(5), 1);
        calendar = new McpToolClient("mcp-calendar", target, "steps", null);
        gateway = new McpSchedulingGateway(new McpToolClient("mcp-professionals", target, "steps", null), calendar,
                Duration.ofMinutes(5));
    }

    Turn turn(DialogueState state, String text) {
        return tap(state, text, null, null);
    }

    /** A message with the name WhatsApp shows for the patient and, when tapped, the option's id. */
    Turn tap(DialogueState state, String text, String shownName, String replyId) {
        return tap(state, text, shownName, replyId, gateway);
    }

    Turn tap(DialogueState state, String text, String shownName, String replyId, SchedulingGateway scheduling) {
        AssistantTurn in = new AssistantTurn(tenant, "whatsapp:" + CUSTOMER, CUSTOMER, shownName, "whatsapp", text, replyId,
                state.toJson(), Map.of(), List.of(), NOW);
        return new Turn(in, state, false, Replies.in(Replies.bundles(), Language.ES), Utterance.of(text), scheduling);
    }

    static String said(Turn t) {
        return t.out.reply("{}").text();
    }

    DialogueState booking() {
        DialogueState state = DialogueState.start("seed");
        state.rememberName("Ana");
        state.startTask(Flow.BOOK);
        return state;
    }

    Booking booked(String service, String professional, LocalDateTime start) {
        return new SchedulingFixtures(calendar, tenantId, CUSTOMER, ZONE).book(new FixtureBooking("self", service, professional, start));
    }

    /** The first message of a booking dialogue, read and acted on. */
    Turn planned(String text) {
        return planned(text, gateway);
    }

    Turn planned(String text, SchedulingGateway scheduling) {
        Turn t = tap(booking(), text, null, null, scheduling);
        Details.read(t, false);
        Planner.advance(t);
        return t;
    }

    /** As {@link #planned}, with every slot search the turn makes added to {@code searches}. */
    Turn plannedRecording(String text, List<FindAvailableSlotsInput> searches) {
        SchedulingGateway recording = (SchedulingGateway) java.lang.reflect.Proxy.newProxyInstance(
                SchedulingGateway.class.getClassLoader(), new Class<?>[] {SchedulingGateway.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findSlots")) {
                        searches.add((FindAvailableSlotsInput) args[1]);
                    }
                    try {
                        return method.invoke(gateway, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return planned(text, recording);
    }

    /** A state with slots of Thursday offered for a cleaning. */
    Turn offered() {
        Turn t = planned("limpieza el jueves");
        assertThat(t.state.step()).isEqualTo(Step.OFFER_SLOTS);
        return t;
    }

    @Nested
    class AskName {

        @Test
        void aBareNameIsRememberedAndTheNextQuestionAsked() {
            DialogueState state = DialogueState.start("seed");
            state.startTask(Flow.BOOK);
            state.moveTo(Step.ASK_NAME);
            Turn t = turn(state, "Prueba November");
            assertThat(new AskNameStep().handle(t)).isTrue();
            assertThat(state.customerName()).isEqualTo("Prueba November");
            assertThat(said(t)).contains("¡Gracias, Prueba November!", "¿Qué servicio necesitás?");
        }

        @Test
        void bookingDetailsInsteadOfANameAreKeptAndTheNameAskedAgain() {
            DialogueState state = DialogueState.start("seed");
            state.startTask(Flow.BOOK);
            state.moveTo(Step.ASK_NAME);
            Turn t = turn(state, "limpieza el jueves");
            assertThat(new AskNameStep().handle(t)).isTrue();
            assertThat(state.customerName()).isNull();
            assertThat(state.serviceId()).isEqualTo("svc-limpieza");
            assertThat(state.dateFrom()).hasToString("2026-01-15");
            assertThat(state.step()).isEqualTo(Step.ASK_NAME);
        }

        @Test
        void theNameWhatsAppShowsIsOfferedAsATapAndTakenWhenTapped() {
            DialogueState state = DialogueState.start("seed");
            state.startTask(Flow.BOOK);
            Turn ask = tap(state, "quiero un turno", "Sheena Nelson", null);
            Planner.advance(ask);
            AssistantReply asked = ask.out.reply(state.toJson());
            assertThat(asked.text()).contains("¿Lo reservo a nombre de Sheena Nelson?");
            assertThat(asked.interactive().options()).extracting(o -> o.id()).containsExactly("name:profile", "name:other");

            Turn t = tap(state, "Sí, a ese nombre", "Sheena Nelson", "name:profile");
            assertThat(new AskNameStep().handle(t)).isTrue();
            assertThat(state.customerName()).isEqualTo("Sheena Nelson");
            assertThat(said(t)).contains("¡Gracias, Sheena Nelson!");
        }

        @Test
        void theOfferedNameIsTakenWhenTheTapOrATypedYesComesWithoutTheProfileName() {
            DialogueState state = DialogueState.start("seed");
            state.startTask(Flow.BOOK);
            Planner.advance(tap(state, "quiero un turno", "Sheena Nelson", null));

            Turn t = tap(state, "Sí, a ese nombre", null, "name:profile");
            assertThat(new AskNameStep().handle(t)).isTrue();
            assertThat(state.customerName()).isEqualTo("Sheena Nelson");
            assertThat(said(t)).contains("¡Gracias, Sheena Nelson!");

            DialogueState typed = DialogueState.parse(DialogueState.start("seed").toJson());
            typed.startTask(Flow.BOOK);
            Planner.advance(tap(typed, "quiero un turno", "Sheena Nelson", null));
            DialogueState reread = DialogueState.parse(typed.toJson());
            Turn yes = tap(reread, "sí", null, null);
            assertThat(new AskNameStep().handle(yes)).isTrue();
            assertThat(reread.customerName()).isEqualTo("Sheena Nelson");
        }

        @Test
        void aNameTypedAfterTheYesWinsOverTheShownOne() {
            for (String answer : List.of("sí, Pedro Ramos", "Si Pedro Ramos", "yes, Pedro Ramos", "dale: Pedro Ramos")) {
                DialogueState state = DialogueState.start("seed");
                state.startTask(Flow.BOOK);
                Planner.advance(tap(state, "quiero un turno", "Pedro", null));
                Turn t = tap(state, answer, "Pedro", null);
                assertThat(new AskNameStep().handle(t)).isTrue();
                assertThat(state.customerName()).as(answer).isEqualTo("Pedro Ramos");
            }
            for (String answer : List.of("sí", "sí, por favor", "sí!")) {
                DialogueState state = DialogueState.start("seed");
                state.startTask(Flow.BOOK);
                Planner.advance(tap(state, "quiero un turno", "Pedro", null));
                new AskNameStep().handle(tap(state, answer, "Pedro", null));
                assertThat(state.customerName()).as(answer).isEqualTo("Pedro");
            }
        }

        @Test
        void anOkWhenAskedForTheNameIsNotTheName() {
            DialogueState state = DialogueState.start("seed");
            state.startTask(Flow.BOOK);
            Planner.advance(turn(state, "quiero un turno"));
            assertThat(state.step()).isEqualTo(Step.ASK_NAME);
            assertThat(new AskNameStep().handle(turn(state, "dale"))).as("not an answer to the question").isFalse();
            assertThat(state.customerName()).isNull();
            new AskNameStep().handle(turn(state, "Dale Ruiz"));
            assertThat(state.customerName()).isEqualTo("Dale Ruiz");
        }

        @Test
        void aShownNameThatIsNotAPersonsNameIsNotOffered() {
            DialogueState state = DialogueState.start("seed");
            state.startTask(Flow.BOOK);
            Turn ask = tap(state, "quiero un turno", "🦷 quiero turno 2", null);
            Planner.advance(ask);
            assertThat(ask.out.reply(state.toJson()).interactive()).isNull();
            assertThat(said(ask)).contains("¿Cómo te llamás?");
        }

        @Test
        void anotherNameAsksForItInWords() {
            DialogueState state = DialogueState.start("seed");
            state.startTask(Flow.BOOK);
            Planner.advance(tap(state, "quiero un turno", "Sheena Nelson", null));
            Turn t = tap(state, "Otro nombre", "Sheena Nelson", "name:other");
            assertThat(new AskNameStep().handle(t)).isTrue();
            assertThat(state.customerName()).isNull();
            assertThat(said(t)).contains("¿Cómo te llamás?");

            Turn yes = tap(state, "sí", null, null);
            new AskNameStep().handle(yes);
            assertThat(state.customerName()).as("the offer was turned down: a later 'sí' does not take it").isNull();
        }
    }

    @Nested
    class Collect {

        @Test
        void anAnswerToWhichOfTheseStaysWithinTheOptions() {
            DialogueState state = planned("con la dra perez").state;
            assertThat(state.step()).isEqualTo(Step.ASK_SERVICE);
            Turn t = turn(state, "la consulta");
            assertThat(new CollectStep().handle(t)).isTrue();
            assertThat(state.serviceId()).isEqualTo("svc-consulta-odonto");
        }

        @Test
        void aNumberPickedFromTheListIsNotAlsoADayOfTheMonth() {
            DialogueState state = planned("con la dra perez el jueves").state;
            assertThat(state.step()).isEqualTo(Step.ASK_SERVICE);
            LocalDate thursday = state.dateFrom();
            assertThat(thursday).isEqualTo(LocalDate.of(2026, 1, 15));
            for (String pick : List.of("el 2", "2", "dale, la 2")) {
                state.forgetService();
                state.offerChoices(List.of("svc:svc-limpieza", "svc:svc-consulta-odonto"));
                state.moveTo(Step.ASK_SERVICE);
                assertThat(new CollectStep().handle(turn(state, pick))).isTrue();
                assertThat(state.serviceId()).as(pick).isEqualTo("svc-consulta-odonto");
                assertThat(state.dateFrom()).as(pick + ": still the Thursday asked for").isEqualTo(thursday);
            }
        }

        @Test
        void theDayQuestionListsFreeDaysAndATappedDayIsSearched() {
            Turn ask = planned("limpieza con cualquiera");
            DialogueState state = ask.state;
            assertThat(state.step()).isEqualTo(Step.ASK_DATE);
            AssistantReply asked = ask.out.reply(state.toJson());
            assertThat(asked.interactive().options()).isNotEmpty().allSatisfy(o -> {
                assertThat(o.id()).matches("day:\\d{4}-\\d{2}-\\d{2}");
                assertThat(o.title().length()).isLessThanOrEqualTo(24);
            });
            // Monday 12/01 at noon in Buenos Aires: the list starts with a day that still has room, never a past one
            assertThat(asked.interactive().options().getFirst().id()).isGreaterThanOrEqualTo("day:2026-01-12");

            String day = asked.interactive().options().get(1).id();
            Turn t = tap(state, "x", null, day);
            assertThat(new CollectStep().handle(t)).isTrue();
            assertThat(state.dateFrom()).hasToString(day.substring(4));
            assertThat(state.step()).isEqualTo(Step.OFFER_SLOTS);
        }

        /**
         * The day list needs one free time of each day, so that is all it asks the calendar for: a search over two
         * weeks with every slot in it was most of the calendar's answer bytes in a booking dialogue.
         */
        @Test
        void theDayQuestionAsksTheCalendarForTheFirstFreeTimeOfEachDayOnly() {
            List<FindAvailableSlotsInput> searches = new java.util.concurrent.CopyOnWriteArrayList<>();
            Turn t = plannedRecording("limpieza con cualquiera", searches);
            DialogueState state = t.state;

            assertThat(state.step()).isEqualTo(Step.ASK_DATE);
            assertThat(searches).singleElement().satisfies(search -> {
                assertThat(search.perDay()).isEqualTo(1);
                assertThat(search.limit()).isEqualTo(7);
                assertThat(search.fromDate()).hasToString("2026-01-12");
                assertThat(search.toDate()).hasToString("2026-01-25");
            });
            // seven different days, in order, as the list shows them
            List<String> days = t.out.reply(state.toJson()).interactive().options().stream().map(o -> o.id()).toList();
            assertThat(days).hasSize(7).doesNotHaveDuplicates().isSorted();
        }

        /** A time asked for is looked up alone; the day's other times are read only when it is taken. */
        @Test
        void anExactTimeIsLookedUpAloneAndTheDayReadOnlyWhenItIsTaken() {
            List<FindAvailableSlotsInput> free = new java.util.concurrent.CopyOnWriteArrayList<>();
            Turn taken = plannedRecording("limpieza con la dra perez el jueves a las 10", free);
            assertThat(taken.state.step()).isEqualTo(Step.CONFIRM_HOLD);
            assertThat(free).singleElement().satisfies(search -> {
                assertThat(search.earliest()).isEqualTo(LocalTime.of(10, 0));
                assertThat(search.latest()).isEqualTo(LocalTime.of(10, 0));
                assertThat(search.limit()).isEqualTo(1);
            });

            booked("svc-limpieza", "pro-perez", LocalDateTime.parse("2026-01-15T11:00"));
            List<FindAvailableSlotsInput> busy = new java.util.concurrent.CopyOnWriteArrayList<>();
            Turn offered = plannedRecording("limpieza con la dra perez el jueves a las 11", busy);
            assertThat(offered.state.step()).isEqualTo(Step.OFFER_SLOTS);
            assertThat(said(offered)).contains("11:00", "10:");
            assertThat(busy).hasSizeGreaterThanOrEqualTo(2);
            assertThat(busy.get(0).limit()).isEqualTo(1);
            assertThat(busy.get(1).earliest()).isNull();
            assertThat(busy.get(1).fromDate()).hasToString("2026-01-15");
            assertThat(busy.get(1).toDate()).hasToString("2026-01-15");
        }

        @Test
        void aMalformedDayIdIsNotAnAnswer() {
            DialogueState state = booking();
            state.moveTo(Step.ASK_DATE);
            assertThat(new CollectStep().handle(tap(state, "x", null, "day:yesterday"))).isFalse();
        }

        @Test
        void somethingElseIsNotAnAnswer() {
            DialogueState state = booking();
            state.moveTo(Step.ASK_DATE);
            assertThat(new CollectStep().handle(turn(state, "jajaja"))).isFalse();
        }
    }

    @Nested
    class OfferSlots {

        @Test
        void aNumberHoldsThatSlot() {
            Turn offered = offered();
            Turn t = turn(offered.state, "2");
            assertThat(new OfferSlotsStep().handle(t)).isTrue();
            assertThat(offered.state.step()).isEqualTo(Step.CONFIRM_HOLD);
            assertThat(said(t)).contains("jueves 15/01 a las 09:30");
        }

        @Test
        void aNumberAfterAnOkIsAPickNotTheSecondOfTheMonth() {
            Turn offered = offered();
            Turn t = turn(offered.state, "dale, el 2");
            assertThat(new OfferSlotsStep().handle(t)).isTrue();
            assertThat(offered.state.step()).isEqualTo(Step.CONFIRM_HOLD);
            assertThat(said(t)).contains("jueves 15/01 a las 09:30");
        }

        @ParameterizedTest
        @ValueSource(strings = {"cualquiera", "me da igual", "el que sea, gracias", "whichever"})
        void cualquieraOrMeDaIgualTakesTheEarliestOfferToConfirm(String anyOfThem) {
            Turn offered = offered();
            String earliest = offered.state.offers().getFirst().localStart().toLocalTime().toString();
            Turn t = turn(offered.state, anyOfThem);
            assertThat(new OfferSlotsStep().handle(t)).isTrue();
            assertThat(offered.state.step()).isEqualTo(Step.CONFIRM_HOLD);
            assertThat(said(t)).contains("jueves 15/01 a las " + earliest).doesNotContain("1.");
        }

        @Test
        void anyProfessionalOrAnotherDayIsNotAPick() {
            for (String notAPick : List.of("cualquier profesional", "cualquiera el viernes")) {
                Turn offered = offered();
                Turn t = turn(offered.state, notAPick);
                new OfferSlotsStep().handle(t);
                assertThat(offered.state.step()).as(notAPick).isNotEqualTo(Step.CONFIRM_HOLD);
            }
        }

        @Test
        void aDayWithOnlyAFewFreeTimesLeftComesWithTheNextFreeTimes() {
            Turn t = planned("limpieza el jueves desde las 17");
            DialogueState state = t.state;
            assertThat(state.step()).isEqualTo(Step.OFFER_SLOTS);
            assertThat(said(t)).contains("Para el jueves 15/01 queda poco lugar en esa franja; te sumo los siguientes libres:");
            List<OfferedSlot> offers = state.offers();
            assertThat(offers).hasSize(Slots.MAX_OFFERS);
            long thatDay = offers.stream().filter(o -> o.localStart().toLocalDate().equals(LocalDate.of(2026, 1, 15))).count();
            assertThat(thatDay).isBetween(1L, 2L);
            assertThat(offers.subList((int) thatDay, offers.size())).allSatisfy(o -> {
                assertThat(o.localStart().toLocalDate()).isAfter(LocalDate.of(2026, 1, 15));
                assertThat(o.localStart().toLocalTime()).isAfterOrEqualTo(LocalTime.of(17, 0));
            });
        }

        @Test
        void aNearlyFullDayIsOfferedWithTheNextFreeTimes() {
            SchedulingFixtures fixtures = new SchedulingFixtures(calendar, tenantId, CUSTOMER, ZONE);
            int other = 0;
            for (LocalTime at = LocalTime.of(9, 0); at.isBefore(LocalTime.of(17, 30)); at = at.plusMinutes(30)) {
                if (at.getHour() != 13) {
                    fixtures.book(new FixtureBooking("+54911000001" + other++, "svc-limpieza", "pro-perez",
                            LocalDate.of(2026, 1, 15).atTime(at)));
                }
            }
            Turn t = planned("limpieza el jueves");
            DialogueState state = t.state;
            assertThat(said(t)).contains("Para el jueves 15/01 quedan pocos horarios; te sumo los siguientes libres:");
            assertThat(state.offers()).hasSize(Slots.MAX_OFFERS);
            assertThat(state.offers().getFirst().localStart()).isEqualTo(LocalDateTime.parse("2026-01-15T17:30"));
            assertThat(state.offers().subList(1, Slots.MAX_OFFERS))
                    .allSatisfy(o -> assertThat(o.localStart().toLocalDate()).isAfter(LocalDate.of(2026, 1, 15)));
        }

        @Test
        void nothingInTheTimeOfDayAskedForOffersThatDaysOtherTimesFirst() {
            Turn t = planned("limpieza el jueves despues de las 18");
            assertThat(t.state.step()).isEqualTo(Step.OFFER_SLOTS);
            assertThat(said(t)).contains("No quedan horarios libres en esa franja.", "Fuera de esa franja tengo estos:");
            assertThat(t.state.offers()).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.localStart().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 15)));
        }

        @Test
        void aDayWithRoomOffersOnlyThatDay() {
            Turn t = offered();
            assertThat(said(t)).contains("Estos son los horarios libres").doesNotContain("quedan pocos");
            assertThat(t.state.offers()).allSatisfy(o -> assertThat(o.localStart().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 15)));
        }

        @Test
        void loPiensoKeepsTheOffers() {
            Turn offered = offered();
            Turn t = turn(offered.state, "lo pienso");
            assertThat(new OfferSlotsStep().handle(t)).isTrue();
            assertThat(said(t)).contains("sin apuro");
            assertThat(offered.state.offers()).hasSize(5);
        }
    }

    @Nested
    class ConfirmHold {

        Turn held() {
            Turn offered = offered();
            Planner.pick(offered, offered.state.offers().getFirst());
            assertThat(offered.state.step()).isEqualTo(Step.CONFIRM_HOLD);
            return offered;
        }

        @Test
        void noGivesTheHoldBackAndShowsTheOffersAgain() {
            Turn held = held();
            Turn t = turn(held.state, "no");
            assertThat(new ConfirmHoldStep().handle(t)).isTrue();
            assertThat(held.state.hold()).isNull();
            assertThat(said(t)).contains("no lo reservo", "1. jue 15/01 09:00");
        }

        @Test
        void teAvisoKeepsTheHold() {
            Turn held = held();
            Turn t = turn(held.state, "te aviso");
            assertThat(new ConfirmHoldStep().handle(t)).isTrue();
            assertThat(held.state.hold()).isNotNull();
            assertThat(held.state.step()).isEqualTo(Step.CONFIRM_HOLD);
        }
    }

    @Nested
    class Bookings {

        DialogueState choosing(Flow flow) {
            booked("svc-limpieza", "pro-perez", LocalDateTime.parse("2026-01-15T10:00"));
            booked("svc-kinesio", "pro-fernandez", LocalDateTime.parse("2026-01-16T14:45"));
            DialogueState state = DialogueState.start("seed");
            Turn t = turn(state, flow == Flow.CANCEL ? "cancelar" : "quiero pasar mi turno al lunes");
            Manage.start(t, flow);
            assertThat(state.step()).isEqualTo(Step.CHOOSE_BOOKING);
            return state;
        }

        @Test
        void chooseBookingByItsService() {
            DialogueState state = choosing(Flow.RESCHEDULE);
            Turn t = turn(state, "el de kinesio");
            assertThat(new ChooseBookingStep().handle(t)).isTrue();
            assertThat(state.target().serviceId()).isEqualTo("svc-kinesio");
            assertThat(said(t)).contains("lun 19/01");
        }

        @Test
        void aNumberOutOfRangeListsThemAgain() {
            DialogueState state = choosing(Flow.CANCEL);
            Turn t = turn(state, "7");
            assertThat(new ChooseBookingStep().handle(t)).isTrue();
            assertThat(said(t)).contains("Elegí un número del 1 al 2", "¿Cuál querés cancelar?");
        }

        @Test
        void confirmCancelLaterKeepsTheBooking() {
            DialogueState state = choosing(Flow.CANCEL);
            new ChooseBookingStep().handle(turn(state, "1"));
            assertThat(state.step()).isEqualTo(Step.CONFIRM_CANCEL);
            Turn t = turn(state, "te aviso");
            assertThat(new ConfirmCancelStep().handle(t)).isTrue();
            assertThat(said(t)).contains("tu turno sigue en pie");
            assertThat(state.step()).isEqualTo(Step.IDLE);
        }

        @Test
        void confirmRescheduleLaterKeepsTheProposal() {
            DialogueState state = choosing(Flow.RESCHEDULE);
            Turn chosen = turn(state, "1");
            new ChooseBookingStep().handle(chosen);
            new OfferSlotsStep().handle(turn(state, "1"));
            assertThat(state.step()).isEqualTo(Step.CONFIRM_RESCHEDULE);
            Turn t = turn(state, "después te confirmo");
            assertThat(new ConfirmRescheduleStep().handle(t)).isTrue();
            assertThat(state.newSlot()).isNotNull();
            assertThat(said(t)).contains("Sin problema");
        }
    }

    @Test
    void theStateRoundTripsThroughJson() {
        DialogueState state = booking();
        state.chooseService("svc-limpieza", "Limpieza dental");
        AssistantReply reply = turn(state, "x").out.reply(state.toJson());
        assertThat(DialogueState.parse(reply.state()).serviceId()).isEqualTo("svc-limpieza");
    }
}
