#include "figures.h"

#include <catch2/catch.hpp>

#include "support.h"

using namespace ekg::extract;
using ekg::Qualifier;

namespace {

/// A text with its folded form, tokens and the token tags the event stage would set.
struct Analysed {
    explicit Analysed(std::string t) : text(std::move(t)), folded(fold(text)), tokens(tokenize(folded)) {
        tags.assign(tokens.size(), 0);
        const EventLexicon& lex = ekg::test::resources().events;
        for (const PhraseIndex::Match& m : lex.args.match(folded, tokens)) {
            const ArgInfo& info = lex.arg_info[m.value];
            std::uint8_t tag = 0;
            if (info.slot == ArgSlot::person || info.slot == ArgSlot::prominent) tag = kTagPerson;
            else if (info.slot == ArgSlot::perpetrator) tag = kTagPerson | kTagPerpetrator;
            else continue;
            for (std::size_t i = m.first; i < m.last; ++i) tags[i] |= tag;
            if (info.singular) tags[m.last - 1] |= kTagSingular;
        }
    }
    Words words() const { return Words(text, folded, tokens); }
    std::vector<CasualtyFigure> casualties() const {
        return find_casualties(words(), 0, tokens.size(), tags);
    }

    std::string text;
    FoldedText folded;
    std::vector<Token> tokens;
    std::vector<std::uint8_t> tags;
};

/// The first figure of a toll, or nullptr.
const CasualtyFigure* first_of(const std::vector<CasualtyFigure>& figures, Toll toll) {
    for (const CasualtyFigure& f : figures)
        if (f.toll == toll) return &f;
    return nullptr;
}

std::optional<Number> number_in(const std::string& text) {
    const Analysed a(text);
    return read_number(a.words(), 0, a.tokens.size());
}

}  // namespace

TEST_CASE("digits with separators and number words read as numbers", "[extract][figures]") {
    CHECK(number_in("1,400")->value == 1400);
    CHECK(number_in("twenty-five")->value == 25);
    CHECK(number_in("twenty five")->value == 25);
    CHECK(number_in("two hundred and five")->value == 205);
    CHECK(number_in("a dozen")->value == 12);
    CHECK(number_in("1.5 million")->value == 1500000);
    CHECK(number_in("both")->value == 2);
    CHECK(number_in("seventeen")->spelled);
    CHECK_FALSE(number_in("second"));
    CHECK_FALSE(number_in("a"));
}

TEST_CASE("a qualifier before a number is kept with it", "[extract][figures]") {
    CHECK(number_in("at least five")->qualifier == Qualifier::at_least);
    CHECK(number_in("over 300")->qualifier == Qualifier::more_than);
    CHECK(number_in("more than 40")->qualifier == Qualifier::more_than);
    CHECK(number_in("about 20")->qualifier == Qualifier::about);
    CHECK(number_in("as many as 15")->qualifier == Qualifier::at_most);
    const auto n = number_in("at least five");
    CHECK(n->value == 5);
    CHECK(n->first == 0);
    CHECK(n->last == 3);
}

TEST_CASE("numbers inside dates, times and model names are no numbers", "[extract][figures]") {
    const Analysed a("AK-47 rifles");
    CHECK_FALSE(read_number(a.words(), 2, a.tokens.size()));
    const Analysed b("on 12/31/2016 at 10:30");
    CHECK_FALSE(read_number(b.words(), 1, b.tokens.size()));
}

TEST_CASE("a count before a passive casualty verb is the toll", "[extract][figures]") {
    const auto figures = Analysed("At least five people were killed in the blast.").casualties();
    const CasualtyFigure* killed = first_of(figures, Toll::killed);
    REQUIRE(killed != nullptr);
    CHECK(killed->figure.value == 5);
    CHECK(killed->figure.qualifier == Qualifier::at_least);
    CHECK(killed->figure.rule == "figure:subject");
}

TEST_CASE("the victims after an active verb are counted, wounded apart from killed",
          "[extract][figures]") {
    const auto figures =
        Analysed("The bomb went off at noon, killing twenty-five people and wounding 1,200 others.")
            .casualties();
    REQUIRE(first_of(figures, Toll::killed) != nullptr);
    CHECK(first_of(figures, Toll::killed)->figure.value == 25);
    REQUIRE(first_of(figures, Toll::wounded) != nullptr);
    CHECK(first_of(figures, Toll::wounded)->figure.value == 1200);
    CHECK(first_of(figures, Toll::killed)->figure.text == "killing twenty-five people");
}

TEST_CASE("coordinated counts of victims are summed", "[extract][figures]") {
    const auto figures = Analysed("Two soldiers and three civilians were killed.").casualties();
    REQUIRE(first_of(figures, Toll::killed) != nullptr);
    CHECK(first_of(figures, Toll::killed)->figure.value == 5);
    const auto objects =
        Analysed("The blast killed the assailant and two security guards.").casualties();
    REQUIRE(first_of(objects, Toll::killed) != nullptr);
    CHECK(first_of(objects, Toll::killed)->figure.value == 3);
    CHECK(first_of(objects, Toll::killed)->perpetrators);
}

TEST_CASE("a singular person after a count and \"and\" adds one", "[extract][figures]") {
    const auto figures = Analysed("Two police officers and a civilian were killed.").casualties();
    REQUIRE(first_of(figures, Toll::killed) != nullptr);
    CHECK(first_of(figures, Toll::killed)->figure.value == 3);
}

TEST_CASE("an appositive names the same single victim", "[extract][figures]") {
    const auto figures =
        Analysed("The guard, a father of three, was killed in the attack.").casualties();
    REQUIRE(first_of(figures, Toll::killed) != nullptr);
    CHECK(first_of(figures, Toll::killed)->figure.value == 1);
}

TEST_CASE("attackers counted in addition are kept apart from the victims' count",
          "[extract][figures]") {
    const auto figures =
        Analysed("In addition to the three bombers, at least 90 people were killed.").casualties();
    std::int64_t base = 0, added = 0;
    for (const CasualtyFigure& f : figures) {
        if (f.toll != Toll::killed) continue;
        (f.additive ? added : base) += f.figure.value;
    }
    CHECK(base == 90);
    CHECK(added == 3);
}

TEST_CASE("a count inside an including-list is part of the total before it", "[extract][figures]") {
    const auto figures =
        Analysed("Twelve people, including two children, were killed.").casualties();
    REQUIRE(first_of(figures, Toll::killed) != nullptr);
    CHECK(first_of(figures, Toll::killed)->figure.value == 12);
}

TEST_CASE("a single named or singular victim counts one", "[extract][figures]") {
    const auto a = Analysed("A policeman was killed and another was wounded.").casualties();
    REQUIRE(first_of(a, Toll::killed) != nullptr);
    CHECK(first_of(a, Toll::killed)->figure.value == 1);
    CHECK(first_of(a, Toll::killed)->figure.rule == "figure:singular-subject");
    REQUIRE(first_of(a, Toll::wounded) != nullptr);
    CHECK(first_of(a, Toll::wounded)->figure.value == 1);
}

TEST_CASE("nobody hurt is a zero figure", "[extract][figures]") {
    const auto a = Analysed("No one was injured in the explosion.").casualties();
    REQUIRE(first_of(a, Toll::wounded) != nullptr);
    CHECK(first_of(a, Toll::wounded)->figure.value == 0);
    CHECK(first_of(a, Toll::wounded)->zero);
    const auto b = Analysed("There were no casualties.").casualties();
    REQUIRE(first_of(b, Toll::killed) != nullptr);
    CHECK(first_of(b, Toll::killed)->zero);
    CHECK(first_of(b, Toll::wounded) != nullptr);
}

TEST_CASE("ages, durations and anniversaries are no casualty figures", "[extract][figures]") {
    CHECK(Analysed("The ideology they spread is 1,400 years old.").casualties().empty());
    CHECK(Analysed("They marked the second anniversary of the group.").casualties().empty());
    const auto a = Analysed("A 24-year-old man was wounded.").casualties();
    REQUIRE(first_of(a, Toll::wounded) != nullptr);
    CHECK(first_of(a, Toll::wounded)->figure.value == 1);
}

TEST_CASE("an attacker killed besides the victims is an additive figure", "[extract][figures]") {
    const auto a =
        Analysed("In addition to the assailant, four people were killed in the attack.").casualties();
    std::int64_t base = 0, added = 0;
    for (const CasualtyFigure& f : a) {
        if (f.toll != Toll::killed) continue;
        if (f.additive) added += f.figure.value;
        else base += f.figure.value;
    }
    CHECK(base == 4);
    CHECK(added == 1);
    const auto b = Analysed("The gunman was also killed.").casualties();
    REQUIRE(first_of(b, Toll::killed) != nullptr);
    CHECK(first_of(b, Toll::killed)->additive);
    CHECK(first_of(b, Toll::killed)->perpetrators);
}

TEST_CASE("a death toll reads the number it reaches", "[extract][figures]") {
    const auto a = Analysed("The death toll rose to 57 on Tuesday.").casualties();
    REQUIRE(first_of(a, Toll::killed) != nullptr);
    CHECK(first_of(a, Toll::killed)->figure.value == 57);
    CHECK(first_of(a, Toll::killed)->figure.rule == "figure:death-toll");
}

TEST_CASE("an intention to kill counts nobody, a purpose clause does", "[extract][figures]") {
    CHECK(Analysed("The man tried to kill three officials.").casualties().empty());
    const auto a = Analysed("They detonated a car bomb to kill 23 civilians.").casualties();
    REQUIRE(first_of(a, Toll::killed) != nullptr);
    CHECK(first_of(a, Toll::killed)->figure.value == 23);
}

TEST_CASE("the subject of an active verb is the attacker, not the victims", "[extract][figures]") {
    const auto a = Analysed("Three hooded men murdered a village leader.").casualties();
    REQUIRE(first_of(a, Toll::killed) != nullptr);
    CHECK(first_of(a, Toll::killed)->figure.value == 1);
}

TEST_CASE("a number joined to a measure or a squad size is no casualty count", "[extract][figures]") {
    for (const CasualtyFigure& f : Analysed("A 20-yard shot was fired and one man was wounded.").casualties())
        CHECK(f.figure.value != 20);
    for (const CasualtyFigure& f : Analysed("The 15-man squad was injured in training.").casualties())
        CHECK(f.figure.value != 15);
}
