package org.pimsyn.synth.network.zoo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;

/**
 * The networks pimsyn knows by name. Names are matched without regard to case, and '_' stands for '-'
 * ({@code MSRA_A} finds {@code msra-a}).
 */
public final class NetworkZoo {
    private static final Shape IMAGENET = new Shape(1, 3, 224, 224);
    private static final Shape CIFAR10 = new Shape(1, 3, 32, 32);
    private static final String VGG_SOURCE = "Simonyan & Zisserman, ICLR 2015, configuration ";
    private static final String RESNET_SOURCE = "He et al., CVPR 2016; torchvision variant";

    private static final List<ZooNetwork> NETWORKS = List.of(
            new ZooNetwork("alexnet", "AlexNet: 5 conv, 3 FC, 224x224 ImageNet",
                    "Krizhevsky et al., NIPS 2012; torchvision single-tower variant", IMAGENET, AlexNet::build),
            new ZooNetwork("vgg11", "VGG-11: 8 conv, 3 FC, 224x224 ImageNet", VGG_SOURCE + "A", IMAGENET,
                    (name, input) -> Vgg.imageNet(name, input, Vgg.VGG11)),
            new ZooNetwork("vgg13", "VGG-13: 10 conv, 3 FC, 224x224 ImageNet", VGG_SOURCE + "B", IMAGENET,
                    (name, input) -> Vgg.imageNet(name, input, Vgg.VGG13)),
            new ZooNetwork("vgg16", "VGG-16: 13 conv, 3 FC, 224x224 ImageNet", VGG_SOURCE + "D", IMAGENET,
                    (name, input) -> Vgg.imageNet(name, input, Vgg.VGG16)),
            new ZooNetwork("vgg19", "VGG-19: 16 conv, 3 FC, 224x224 ImageNet", VGG_SOURCE + "E", IMAGENET,
                    (name, input) -> Vgg.imageNet(name, input, Vgg.VGG19)),
            new ZooNetwork("resnet18", "ResNet-18: basic blocks, 20 conv (3 projections), 1 FC, 224x224 ImageNet",
                    RESNET_SOURCE, IMAGENET, (name, input) -> ResNet.basic(name, input, ResNet.RESNET18)),
            new ZooNetwork("resnet34", "ResNet-34: basic blocks, 36 conv (3 projections), 1 FC, 224x224 ImageNet",
                    RESNET_SOURCE, IMAGENET, (name, input) -> ResNet.basic(name, input, ResNet.RESNET34)),
            new ZooNetwork("resnet50", "ResNet-50: bottleneck blocks, 53 conv (4 projections), 1 FC, 224x224 ImageNet",
                    RESNET_SOURCE + " v1.5 (stride on the 3x3 convolution)", IMAGENET,
                    (name, input) -> ResNet.bottleneck(name, input, ResNet.RESNET50)),
            new ZooNetwork("msra-a", "MSRA model A: 16 conv, spatial pyramid pooling, 3 FC, 224x224 ImageNet",
                    "He et al., ICCV 2015 (Delving Deep into Rectifiers), model A; pyramid as in PIMSYN-NN's msra_A.json",
                    IMAGENET, MsraModelA::build),
            new ZooNetwork("cifar10-vgg", "Small VGG-style network: 6 conv, 2 FC, 32x32 CIFAR-10",
                    "pimsyn's own, in the style of Simonyan & Zisserman", CIFAR10, Cifar10Vgg::build));

    private NetworkZoo() {
    }

    /** Every zoo network, in the order {@code --list} shows them. */
    public static List<ZooNetwork> all() {
        return NETWORKS;
    }

    /** The network of that name, if the zoo has one. */
    public static Optional<ZooNetwork> find(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return NETWORKS.stream().filter(n -> n.name().equals(key)).findFirst();
    }

    /**
     * The network of that name.
     *
     * @throws InputException naming the zoo's networks when there is none of that name
     */
    public static ZooNetwork get(String name) {
        return find(name).orElseThrow(() -> new InputException(
                "unknown model '" + name + "'; the zoo has: " + names()));
    }

    /** Builds the named network for its usual input. */
    public static Network build(String name) {
        return get(name).build();
    }

    /** The zoo's names, comma-separated. */
    public static String names() {
        return NETWORKS.stream().map(ZooNetwork::name).collect(Collectors.joining(", "));
    }
}
