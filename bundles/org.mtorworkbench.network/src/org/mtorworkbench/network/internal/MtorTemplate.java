package org.mtorworkbench.network.internal;

import org.mtorworkbench.network.NetworkModel;
import org.mtorworkbench.network.extension.ModelTemplate;
import org.sbml.jsbml.SBMLDocument;

/** The review's network as a model template ({@code builtin:mtor}); contributed as a service like any other. */
public final class MtorTemplate implements ModelTemplate {

    @Override
    public String id() {
        return NetworkModel.ID;
    }

    @Override
    public String name() {
        return "mTORC1/mTORC2 network in cancer";
    }

    @Override
    public String description() {
        return "The curated mTORC1/mTORC2 signalling network of the review, with its drugs and cell contexts";
    }

    @Override
    public SBMLDocument newDocument() {
        return NetworkModel.newDocument();
    }
}
